Component({
  options: { multipleSlots: true },
  properties: { product: Object },
  methods: {
    open() {
      this.triggerEvent('open', { id: this.data.product.id });
    }
  }
});
