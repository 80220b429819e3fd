const products = [
  { id: 1, name: 'Green tea', price: 12, category: 'drinks' },
  { id: 2, name: 'Oolong', price: 18, category: 'drinks' },
  { id: 3, name: 'Mooncake', price: 25, category: 'snacks' },
  { id: 4, name: 'Rice crackers', price: 8, category: 'snacks' }
];

module.exports = {
  categories: ['all', 'drinks', 'snacks'],
  products,
  find: (id) => products.find((p) => p.id === id)
};
