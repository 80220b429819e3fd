Page({
  data: { id: '' },
  onLoad(query) {
    this.setData({ id: query.id, pages: getCurrentPages().length });
    const channel = this.getOpenerEventChannel();
    channel.on('greet', (greeting) => this.setData({ greeting }));
    channel.emit('opened', query.id);
  }
});
