// Published programs sometimes require a file they do not ship; the page's module then throws.
var missing = require('../../utils/missing.js');
Page({ data: { missing: missing } });
