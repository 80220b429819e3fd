Component({
  properties: { label: String }
});
