import type { CashDrawer, DrawerKick, DrawerReason } from '../../core/hardware/cash-drawer';
import type { DrawerPulse, ReceiptPrinter } from '../../core/hardware/receipt-printer';

/**
 * The cash drawer on a receipt printer's drawer connector (RJ-11/12, 24 V): opened by the
 * printer's kick pulse, its open/closed switch read back on pin 3 through DLE EOT 1.
 */
export class PrinterCashDrawer implements CashDrawer {
  constructor(private readonly printer: ReceiptPrinter, private readonly pulse: DrawerPulse) {}

  open(_reason: DrawerReason): Promise<DrawerKick> {
    return this.printer.kickDrawer(this.pulse);
  }

  async isOpen(): Promise<boolean | null> {
    const snapshot = await this.printer.status();
    return snapshot?.drawerOpen ?? null;
  }
}
