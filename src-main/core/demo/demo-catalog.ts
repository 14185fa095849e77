/**
 * The demo store's catalog: 10 categories × 20 products with everyday UK supermarket prices (pence).
 *
 * Tax: in the UK most food is zero-rated while sweets, crisps, soft drinks and juices, alcohol,
 * ice cream, household goods and toiletries are standard-rated (https://www.gov.uk/guidance/food-products-and-vat-notice-70114).
 * To show two non-zero rates on a receipt the demo puts food on the 5 % reduced rate instead of 0 %;
 * that is a simplification for the demo, not UK tax advice.
 */
export type DemoRate = 'standard' | 'reduced';
export type DemoProduct = readonly [name: string, pricePence: number, rate: DemoRate];

export interface DemoCategory {
  readonly name: string;
  readonly products: readonly DemoProduct[];
}

const R: DemoRate = 'reduced';
const S: DemoRate = 'standard';

export const DEMO_CATEGORIES: readonly DemoCategory[] = [
  { name: 'Bakery', products: [
    ['White Sliced Bread 800g', 140, R], ['Wholemeal Bread 800g', 145, R], ['Seeded Batch Loaf 800g', 195, R],
    ['Sourdough Loaf 400g', 250, R], ['Butter Croissants 4 Pack', 175, R], ['Pain au Chocolat 4 Pack', 200, R],
    ['Crumpets 6 Pack', 85, R], ['English Muffins 6 Pack', 110, R], ['Plain Bagels 5 Pack', 135, R],
    ['Tortilla Wraps 8 Pack', 125, R], ['Pitta Breads 6 Pack', 75, R], ['Naan Breads 2 Pack', 115, R],
    ['Hot Cross Buns 4 Pack', 120, R], ['Brioche Burger Buns 4 Pack', 150, R], ['Garlic Baguette', 99, R],
    ['French Baguette', 85, R], ['Fruit Scones 4 Pack', 140, R], ['Chocolate Muffins 4 Pack', 195, R],
    ['Victoria Sponge Cake', 325, R], ['Ciabatta Rolls 4 Pack', 135, R],
  ] },
  { name: 'Dairy & Eggs', products: [
    ['Semi-Skimmed Milk 2 Pints', 155, R], ['Whole Milk 2 Pints', 155, R], ['Skimmed Milk 2 Pints', 155, R],
    ['Semi-Skimmed Milk 4 Pints', 215, R], ['Oat Drink 1L', 180, R], ['Salted Butter 250g', 225, R],
    ['Unsalted Butter 250g', 225, R], ['Mature Cheddar 400g', 350, R], ['Mild Cheddar 400g', 330, R],
    ['Red Leicester 200g', 210, R], ['Mozzarella Ball 125g', 85, R], ['Greek Style Yoghurt 500g', 145, R],
    ['Strawberry Yoghurts 4 Pack', 130, R], ['Natural Yoghurt 500g', 95, R], ['Single Cream 300ml', 115, R],
    ['Double Cream 300ml', 145, R], ['Free Range Eggs 6 Pack', 199, R], ['Free Range Eggs 12 Pack', 365, R],
    ['Cottage Cheese 300g', 135, R], ['Soft Cheese 180g', 110, R],
  ] },
  { name: 'Fruit & Veg', products: [
    ['Bananas Loose Each', 18, R], ['Bananas 5 Pack', 85, R], ['Gala Apples 6 Pack', 160, R],
    ['Braeburn Apples 4 Pack', 150, R], ['Easy Peeler Satsumas 600g', 175, R], ['Seedless Grapes 500g', 225, R],
    ['Strawberries 400g', 275, R], ['Blueberries 150g', 199, R], ['Lemons 4 Pack', 100, R],
    ['Avocados 2 Pack', 175, R], ['Maris Piper Potatoes 2kg', 165, R], ['Carrots 1kg', 60, R],
    ['Brown Onions 1kg', 95, R], ['Broccoli Each', 65, R], ['Cucumber Each', 70, R],
    ['Salad Tomatoes 6 Pack', 85, R], ['Iceberg Lettuce Each', 75, R], ['Red Peppers 3 Pack', 175, R],
    ['Closed Cup Mushrooms 300g', 99, R], ['Baby Spinach 200g', 135, R],
  ] },
  { name: 'Meat & Fish', products: [
    ['Chicken Breast Fillets 650g', 475, R], ['Beef Mince 5% Fat 500g', 425, R], ['Pork Sausages 8 Pack', 250, R],
    ['Smoked Back Bacon 300g', 275, R], ['Unsmoked Streaky Bacon 240g', 240, R], ['Whole Chicken 1.5kg', 450, R],
    ['Lamb Leg Steaks 300g', 550, R], ['Beef Rump Steak 225g', 525, R], ['Cooked Ham Slices 125g', 150, R],
    ['Chicken Thighs 1kg', 350, R], ['Pork Loin Steaks 500g', 375, R], ['Salmon Fillets 2 Pack', 450, R],
    ['Smoked Salmon 100g', 325, R], ['Cod Fillets 2 Pack', 475, R], ['Cooked Prawns 180g', 300, R],
    ['Tuna Steaks 2 Pack', 450, R], ['Fish Fingers 10 Pack', 199, R], ['Chicken Kievs 2 Pack', 250, R],
    ['Beef Burgers 4 Pack', 299, R], ['Turkey Breast Slices 100g', 175, R],
  ] },
  { name: 'Pantry', products: [
    ['Baked Beans 415g', 95, R], ['Chopped Tomatoes 400g', 55, R], ['Spaghetti 500g', 75, R],
    ['Fusilli Pasta 500g', 75, R], ['Basmati Rice 1kg', 225, R], ['Long Grain Rice 1kg', 110, R],
    ['Plain Flour 1.5kg', 95, R], ['Granulated Sugar 1kg', 115, R], ['Rolled Oats 1kg', 120, R],
    ['Cornflakes 500g', 185, R], ['Tomato Ketchup 460g', 225, R], ['Mayonnaise 400ml', 199, R],
    ['Strawberry Jam 454g', 135, R], ['Smooth Peanut Butter 340g', 199, R], ['Tuna Chunks in Brine 145g', 115, R],
    ['Tomato Soup 400g', 90, R], ['Olive Oil 500ml', 450, R], ['Vegetable Oil 1L', 225, R],
    ['Instant Coffee 200g', 450, R], ['Tea Bags 80 Pack', 200, R],
  ] },
  { name: 'Frozen', products: [
    ['Garden Peas 1kg', 130, R], ['Sweetcorn 1kg', 150, R], ['Oven Chips 1.5kg', 199, R],
    ['Potato Waffles 10 Pack', 175, R], ['Margherita Pizza 350g', 175, R], ['Pepperoni Pizza 380g', 199, R],
    ['Chicken Nuggets 500g', 250, R], ['Frozen Mixed Berries 500g', 275, R], ['Vanilla Ice Cream 2L', 225, S],
    ['Chocolate Ice Cream 1L', 250, S], ['Ice Lollies 10 Pack', 199, S], ['Frozen Prawns 300g', 350, R],
    ['Yorkshire Puddings 12 Pack', 120, R], ['Vegetable Spring Rolls 12 Pack', 175, R], ['Hash Browns 700g', 150, R],
    ['Frozen Broccoli 1kg', 125, R], ['Battered Cod Fillets 4 Pack', 399, R], ['Beef Lasagne 400g', 250, R],
    ['Ice Cubes 2kg', 120, S], ['Mango Chunks 500g', 250, R],
  ] },
  { name: 'Drinks', products: [
    ['Cola 2L', 225, S], ['Diet Cola 2L', 225, S], ['Lemonade 2L', 95, S], ['Orange Juice 1L', 165, S],
    ['Apple Juice 1L', 120, S], ['Still Water 6 x 500ml', 199, S], ['Sparkling Water 1.5L', 65, S],
    ['Orange Squash 1L', 150, S], ['Energy Drink 250ml', 125, S], ['Ginger Beer 4 Pack', 300, S],
    ['Lager 4 x 440ml', 550, S], ['Premium Lager 12 x 330ml', 1350, S], ['Cider 4 x 500ml', 600, S],
    ['Red Wine 75cl', 750, S], ['White Wine 75cl', 750, S], ['Prosecco 75cl', 899, S],
    ['Iced Coffee 250ml', 175, S], ['Tonic Water 1L', 140, S], ['Hot Chocolate 300g', 299, R],
    ['Coconut Water 1L', 250, S],
  ] },
  { name: 'Snacks & Sweets', products: [
    ['Ready Salted Crisps 6 Pack', 199, S], ['Salt & Vinegar Crisps 6 Pack', 199, S], ['Cheese & Onion Crisps 6 Pack', 199, S],
    ['Tortilla Chips 200g', 150, S], ['Salted Peanuts 200g', 135, S], ['Milk Chocolate Bar 100g', 125, S],
    ['Dark Chocolate 70% 100g', 175, S], ['Chocolate Digestives 300g', 155, S], ['Rich Tea Biscuits 300g', 75, R],
    ['Custard Creams 400g', 85, R], ['Jaffa Cakes 10 Pack', 150, R], ['Fruit Pastilles 143g', 125, S],
    ['Wine Gums 190g', 125, S], ['Popcorn Sweet & Salty 100g', 150, S], ['Flapjack 4 Pack', 225, R],
    ['Cereal Bars 6 Pack', 199, S], ['Pretzels 175g', 125, S], ['Mint Imperials 200g', 110, S],
    ['Shortbread Fingers 160g', 175, R], ['Chocolate Buttons 119g', 150, S],
  ] },
  { name: 'Household', products: [
    ['Washing-Up Liquid 450ml', 125, S], ['Toilet Roll 9 Pack', 450, S], ['Kitchen Roll 2 Pack', 275, S],
    ['Laundry Liquid 24 Washes', 650, S], ['Fabric Conditioner 1.2L', 300, S], ['Dishwasher Tablets 30 Pack', 550, S],
    ['Bleach 750ml', 85, S], ['Multi-Surface Spray 500ml', 175, S], ['Bin Bags 20 Pack', 225, S],
    ['Sponge Scourers 4 Pack', 99, S], ['Aluminium Foil 10m', 175, S], ['Cling Film 30m', 150, S],
    ['Freezer Bags 50 Pack', 125, S], ['AA Batteries 4 Pack', 399, S], ['LED Light Bulb E27', 350, S],
    ['Matches 4 Boxes', 120, S], ['Tea Lights 30 Pack', 250, S], ['Glass Cleaner 500ml', 175, S],
    ['Air Freshener 300ml', 225, S], ['Rubber Gloves Medium', 125, S],
  ] },
  { name: 'Health & Beauty', products: [
    ['Toothpaste 75ml', 150, S], ['Toothbrush Medium', 125, S], ['Shampoo 400ml', 299, S],
    ['Conditioner 400ml', 299, S], ['Shower Gel 250ml', 150, S], ['Hand Soap 250ml', 110, S],
    ['Roll-On Deodorant 50ml', 175, S], ['Body Lotion 400ml', 350, S], ['Lip Balm', 199, S],
    ['Cotton Buds 200 Pack', 99, S], ['Cotton Pads 100 Pack', 115, S], ['Paracetamol 16 Tablets', 65, S],
    ['Ibuprofen 16 Tablets', 85, S], ['Plasters 40 Pack', 199, S], ['Sun Cream SPF30 200ml', 550, S],
    ['Disposable Razors 5 Pack', 299, S], ['Facial Tissues 3 Pack', 225, S], ['Baby Wipes 64 Pack', 125, S],
    ['Mouthwash 500ml', 250, S], ['Vitamin C 60 Tablets', 299, S],
  ] },
];
