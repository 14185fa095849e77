import type { SignInChoice } from '../../src-shared/domain/people';

/** Big name buttons (a till's staff list is short); the chosen one is pressed. Test id: `<testId>` per person. */
export function PersonPicker({ people, selectedId, onSelect, label, testId }: {
  people: readonly SignInChoice[];
  selectedId: string | null;
  onSelect(person: SignInChoice): void;
  label: string;
  testId: string;
}) {
  return (
    <div className="person-picker" role="group" aria-label={label}>
      {people.map((person) => (
        <button
          key={person.id}
          type="button"
          className="button person-choice"
          aria-pressed={person.id === selectedId}
          onClick={() => onSelect(person)}
          data-testid={testId}
          data-person-id={person.id}
        >
          <span className="person-initials" aria-hidden="true">
            {initials(person.name)}
          </span>
          {person.name}
        </button>
      ))}
    </div>
  );
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => [...part][0]?.toUpperCase() ?? '')
    .join('');
}
