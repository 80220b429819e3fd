App({
  onError(message) {
    this.lastError = message;
  }
});
