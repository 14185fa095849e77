export { en, type MessageKey, type Messages } from './en';
export { fr } from './fr';
export { translate, translatePlural, errorMessageKey, languageForLocale, LANGUAGES, type Language, type MessageParams } from './translate';
export {
  createMoneyFormatter,
  formatMajorPlain,
  decimalSeparator,
  parseMajorAmount,
  type MoneyLocale,
  type ParseAmountFailure,
  type ParseAmountResult,
} from './money-format';
export { createDateFormatters, type DateLocale } from './date-format';
