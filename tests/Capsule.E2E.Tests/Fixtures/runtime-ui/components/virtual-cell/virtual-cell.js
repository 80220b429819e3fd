Component({
  options: { virtualHost: true },
  properties: { label: String }
});
