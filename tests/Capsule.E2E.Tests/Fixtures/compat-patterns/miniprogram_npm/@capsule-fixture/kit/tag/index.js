Component({
  properties: { color: String }
});
