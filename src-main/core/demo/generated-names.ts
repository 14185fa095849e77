import type { DemoRate } from './demo-catalog';

/**
 * Word lists for the large generated catalog (`npm run gen:catalog`). Names combine
 * `[brand] qualifier flavour noun size`, e.g. "Brookfield Organic Apple Juice 1L": enough
 * different first letters and words that type-ahead search over a million names is a real test.
 */
interface Noun {
  readonly word: string;
  /** A category of the demo store (demo-catalog.ts); products go there when it exists. */
  readonly category: string;
  readonly rate: DemoRate;
  readonly basePence: number;
  readonly sizes: readonly string[];
}

const R: DemoRate = 'reduced';
const S: DemoRate = 'standard';

const NOUNS: readonly Noun[] = [
  { word: 'Juice', category: 'Drinks', rate: S, basePence: 150, sizes: ['250ml', '1L', '1.5L'] },
  { word: 'Smoothie', category: 'Drinks', rate: S, basePence: 225, sizes: ['250ml', '750ml'] },
  { word: 'Sparkling Water', category: 'Drinks', rate: S, basePence: 70, sizes: ['500ml', '1.5L', '6 x 330ml'] },
  { word: 'Iced Tea', category: 'Drinks', rate: S, basePence: 140, sizes: ['330ml', '1L'] },
  { word: 'Yoghurt', category: 'Dairy & Eggs', rate: R, basePence: 120, sizes: ['150g', '500g', '4 x 125g'] },
  { word: 'Cheese', category: 'Dairy & Eggs', rate: R, basePence: 275, sizes: ['200g', '350g'] },
  { word: 'Milkshake', category: 'Dairy & Eggs', rate: R, basePence: 130, sizes: ['330ml', '1L'] },
  { word: 'Bread', category: 'Bakery', rate: R, basePence: 140, sizes: ['400g', '800g'] },
  { word: 'Muffins', category: 'Bakery', rate: R, basePence: 175, sizes: ['2 Pack', '4 Pack'] },
  { word: 'Cake', category: 'Bakery', rate: R, basePence: 300, sizes: ['Slice', '6 Pack', 'Large'] },
  { word: 'Soup', category: 'Pantry', rate: R, basePence: 110, sizes: ['400g', '600g'] },
  { word: 'Jam', category: 'Pantry', rate: R, basePence: 150, sizes: ['340g', '454g'] },
  { word: 'Sauce', category: 'Pantry', rate: R, basePence: 135, sizes: ['250ml', '500g'] },
  { word: 'Cereal', category: 'Pantry', rate: R, basePence: 220, sizes: ['375g', '750g'] },
  { word: 'Tea', category: 'Pantry', rate: R, basePence: 199, sizes: ['40 Bags', '80 Bags'] },
  { word: 'Pasta', category: 'Pantry', rate: R, basePence: 95, sizes: ['500g', '1kg'] },
  { word: 'Ice Cream', category: 'Frozen', rate: S, basePence: 250, sizes: ['500ml', '1L', '2L'] },
  { word: 'Pizza', category: 'Frozen', rate: R, basePence: 225, sizes: ['300g', '450g'] },
  { word: 'Sorbet', category: 'Frozen', rate: S, basePence: 275, sizes: ['500ml', '750ml'] },
  { word: 'Sausages', category: 'Meat & Fish', rate: R, basePence: 275, sizes: ['6 Pack', '12 Pack'] },
  { word: 'Fish Cakes', category: 'Meat & Fish', rate: R, basePence: 225, sizes: ['2 Pack', '4 Pack'] },
  { word: 'Salad', category: 'Fruit & Veg', rate: R, basePence: 150, sizes: ['120g', '250g'] },
  { word: 'Fruit Pot', category: 'Fruit & Veg', rate: R, basePence: 125, sizes: ['150g', '4 Pack'] },
  { word: 'Crisps', category: 'Snacks & Sweets', rate: S, basePence: 120, sizes: ['40g', '150g', '6 Pack'] },
  { word: 'Biscuits', category: 'Snacks & Sweets', rate: R, basePence: 110, sizes: ['200g', '300g'] },
  { word: 'Chocolate Bar', category: 'Snacks & Sweets', rate: S, basePence: 120, sizes: ['45g', '100g', '200g'] },
  { word: 'Shower Gel', category: 'Health & Beauty', rate: S, basePence: 175, sizes: ['250ml', '500ml'] },
  { word: 'Hand Wash', category: 'Health & Beauty', rate: S, basePence: 125, sizes: ['250ml', '500ml'] },
  { word: 'Shampoo', category: 'Health & Beauty', rate: S, basePence: 299, sizes: ['250ml', '400ml'] },
  { word: 'Candle', category: 'Household', rate: S, basePence: 450, sizes: ['Small', 'Large'] },
  { word: 'Surface Cleaner', category: 'Household', rate: S, basePence: 175, sizes: ['500ml', '750ml'] },
  { word: 'Laundry Capsules', category: 'Household', rate: S, basePence: 600, sizes: ['20 Pack', '40 Pack'] },
];

const FLAVOURS = [
  'Apple', 'Orange', 'Strawberry', 'Raspberry', 'Mango', 'Lemon', 'Lime', 'Cherry', 'Peach', 'Blackcurrant',
  'Coconut', 'Vanilla', 'Chocolate', 'Caramel', 'Honey', 'Ginger', 'Mint', 'Cinnamon', 'Tomato', 'Garlic',
  'Chilli', 'Basil', 'Mushroom', 'Lavender', 'Sea Salt', 'Black Pepper', 'Blueberry', 'Pomegranate',
  'Elderflower', 'Rhubarb', 'Pineapple', 'Passion Fruit',
];

const QUALIFIERS = [
  'Organic', 'Premium', 'Everyday', 'Farmhouse', 'Classic', 'Luxury', 'Value', 'Free From', 'Finest',
  'Simply', 'Family', 'Mini', 'Light', 'Extra', 'Traditional', 'Rustic', 'Golden', 'Fresh', 'Wholesome',
  'Artisan', 'Natural', 'Select', 'Signature', 'Zesty',
];

const BRANDS = [
  'Brookfield', 'Hillcrest', 'Meadowvale', 'Oakridge', 'Kingsway', 'Riverside', 'Thornbury', 'Ashdown',
  'Willowmere', 'Harbour', 'Northgate', 'Greenacre', 'Fernhill', 'Larkspur', 'Quayside', 'Juniper',
];

export interface GeneratedProduct {
  readonly name: string;
  readonly category: string;
  readonly rate: DemoRate;
  readonly pricePence: number;
}

/** Product number `n` of the generated catalog: the same `n` always gives the same product. */
export function generatedProduct(n: number): GeneratedProduct {
  // A multiplicative hash (Knuth's 2654435761) spreads neighbouring numbers over the lists,
  // so consecutive SKUs do not read "Apple Juice", "Apple Juice", …
  let h = Math.imul(n, 2654435761) >>> 0;
  const pick = <T>(list: readonly T[]): T => {
    const item = list[h % list.length] as T;
    h = Math.floor(h / list.length) ^ Math.imul(h, 40503);
    h >>>= 0;
    return item;
  };
  const noun = pick(NOUNS);
  const flavour = pick(FLAVOURS);
  const qualifier = pick(QUALIFIERS);
  const size = pick(noun.sizes);
  const brand = n % 2 === 0 ? `${pick(BRANDS)} ` : '';
  // 60 % to 200 % of the noun's base price, ending in 5 or 9 like shelf prices do.
  const raw = Math.round((noun.basePence * (60 + (h % 141))) / 100);
  const pricePence = Math.max(9, raw - (raw % 10) + (raw % 10 < 5 ? 5 : 9));
  return { name: `${brand}${qualifier} ${flavour} ${noun.word} ${size}`, category: noun.category, rate: noun.rate, pricePence };
}
