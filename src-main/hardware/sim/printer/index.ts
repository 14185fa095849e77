export { decodeJob, CHAR_WIDTH, type Block, type DecodedJob, type Raster, type TextRun } from './escpos-decoder';
export { EscPosTokenizer, type Token } from './escpos-tokenizer';
export { previewSvg } from './receipt-preview';
export { SimPrinter, type SimDrawerKick, type SimJob, type SimPrinterOptions, type SimPrinterState } from './sim-printer';
