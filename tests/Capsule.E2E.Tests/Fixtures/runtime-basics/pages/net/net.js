// WeChat's logic layer has no fetch; a Worker the program starts has one, which the container's CSP blocks.
Page({
  data: { net: 'trying' },
  onLoad() {
    const probe = "fetch('/dev/version').then(() => postMessage('reached'), () => postMessage('blocked'))";
    const worker = new Worker(URL.createObjectURL(new Blob([probe], { type: 'text/javascript' })));
    worker.onmessage = (event) => this.setData({ net: typeof fetch === 'undefined' ? event.data : 'fetch defined' });
  }
});
