import { z } from 'zod';

export const WebHostArgs = z.object({
  port: z.coerce.number().int().min(0).max(65_535),
  data: z.string().min(1, '--data <dir> is required'),
  demo: z.boolean(),
});
export type WebHostArgs = z.infer<typeof WebHostArgs>;

const usage = 'usage: npm run web -- --port <port> --data <dir> [--demo]';

/** Parses `--port <n> --data <dir> [--demo]`; a bad argument is an error that prints usage. */
export function parseWebHostArgs(argv: readonly string[]): WebHostArgs {
  const raw: Record<string, unknown> = { demo: false, port: 0 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--demo') raw.demo = true;
    else if (arg === '--port' || arg === '--data') raw[arg.slice(2)] = argv[++i];
    else throw new Error(`unknown argument ${arg}\n${usage}`);
  }
  const parsed = WebHostArgs.safeParse(raw);
  if (!parsed.success) throw new Error(`${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}\n${usage}`);
  return parsed.data;
}
