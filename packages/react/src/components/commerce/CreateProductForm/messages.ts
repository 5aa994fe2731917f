/** Messages of `CreateProductForm`. */
export const createProductFormMessages = {
  'productForm.title': 'New product',
  'productForm.titleLabel': 'Title',
  'productForm.skuLabel': 'SKU',
  'productForm.priceLabel': 'Price',
  'productForm.currencyLabel': 'Currency',
  'productForm.statusLabel': 'Status',
  'productForm.stockLabel': 'Initial stock',
  'productForm.stockHint':
    'Units received into your default stock location. Change stock later on the inventory board.',
  'productForm.invalidStock': 'Enter a whole number of units, 0 or more.',
  'productForm.submit': 'Create product',
  'productForm.submitting': 'Creating…',
  'productForm.created': '{{title}} created.',
  'productForm.invalidPrice': 'Enter a price such as 19.99',
} as const;
