function start() {
  throw new Error('the app could not start');
}
start();
App({});
