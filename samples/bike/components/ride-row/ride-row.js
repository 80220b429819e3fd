Component({
  properties: { ride: Object }
});
