// The lifecycle page logs what App hears of the program going to the background and coming back.
const logToPage = (entry) => {
  const page = getCurrentPages().pop();
  if (page && page.add) {
    page.add(entry);
  }
};

App({
  onError(message) {
    this.lastError = message;
  },
  onShow(options) {
    logToPage(`App.onShow ${options.scene} ${options.path}`);
  },
  onHide() {
    logToPage('App.onHide');
  }
});
