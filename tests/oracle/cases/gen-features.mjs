// Generates features.json: WXML feature probes run through wcc-render.mjs for FINDINGS.md.
// node cases/gen-features.mjs > cases/features.json
const P = 'pages/index/index.wxml';
const cases = [];
const c = (id, wxml, data = {}, extra = {}) => cases.push({ id, files: { [P]: wxml, ...(extra.files || {}) }, page: extra.page || P, data });
const V = { n: 3, fl: 1.5, zero: 0, neg: -2, big: 1e21, sum: 0.30000000000000004, t: true, f: false, nul: null, s: 'hi there', es: '', o: { a: 1, b: 'x' }, arr: [1, 2, [3, 4]], earr: [], html: '<b>&amp;</b>' };
// --- text & whitespace
c('text-plain', '<view>hello world</view>');
c('text-ws-inner', '<view>  a  b  </view>');
c('text-ws-only', '<view>   </view><view>\n\n</view><view></view>');
c('text-ws-between-elements', '<view>\n  <text>x</text>\n  <text>y</text>\n</view>');
c('text-toplevel', 'hello\n<view/>\n  world  ');
c('text-newline', '<view>line1\nline2</view>');
c('text-tabs-nbsp-char', '<view>\ta\u00a0b\u3000c</view>');
c('text-in-text-tag', '<text>  a\n  b  </text>');
c('text-mixed-interp', '<view>a {{s}} c</view><view>  {{s}}  </view><view>{{s}}{{n}}</view>', V);
// --- interpolation in text
c('interp-text-types', ['n','fl','zero','neg','big','sum','t','f','nul','missing','s','es','o','arr','earr','html'].map(k => `<view id="${k}">{{${k}}}</view>`).join(''), V);
c('interp-text-types-mixed', ['n','t','f','nul','missing','o','arr','earr'].map(k => `<view id="${k}">[{{${k}}}]</view>`).join(''), V);
// split into expr-N below
if (0) c('interp-expr', '<view>{{n+1}}|{{n+"1"}}|{{s+1}}|{{t?"y":"n"}}|{{!f}}|{{n>1&&s}}|{{o.a}}|{{o["b"]}}|{{arr[2][1]}}|{{arr.length}}|{{"lit"}}|{{ \'q\' }}|{{n*fl}}|{{n%2}}|{{-n}}|{{typeof n}}|{{nul===null}}|{{missing.x}}</view>', V);
c('interp-spacing', '<view>{{ s }}|{{s}}|{{  n  }}</view>', V);
c('interp-undefined-path', '<view>{{a.b.c}}</view>', {});
c('interp-unclosed-literal', '<view>a {{ b</view>', { b: 1 });
c('interp-single-brace', '<view>{a} }} {{</view>', {});
// --- interpolation in attributes
c('interp-attr-types', '<view ' + ['n','fl','zero','t','f','nul','missing','s','es','o','arr','earr'].map(k => `a-${k}="{{${k}}}"`).join(' ') + '/>', V);
c('interp-attr-mixed', '<view ' + ['n','t','f','nul','missing','o','arr','earr'].map(k => `m-${k}="x{{${k}}}"`).join(' ') + ' two="{{n}}{{n}}" spaced=" {{n}} " sp2="{{ n }}" expr="{{n+1}}" obj-lit="{{ {a:1, b:s} }}" arr-lit="{{[1, s, t]}}"/>', V);
c('attr-plain', '<view a="x" b=\'y "q"\' c="" d e="  spaced  " f="multi\nline" g="1" h="true"/>');
c('attr-case', '<view dataId="1" Data-X="2" camelCase="3" UPPER="4"/>');
c('attr-dup', '<view a="1" a="2"/>');
c('attr-boolean', '<view disabled hidden checked x=""/><input disabled/><button loading/>');
c('attr-class-style-id-data', '<view id="i{{n}}" class="a  b {{s}}" style="color: red; width: {{n}}px" data-foo-bar="{{o}}" data-x="1" data-CamelCase="2"/>', V);
c('attr-class-array-style-obj', '<view class="{{[\'a\', s]}}" style="{{ {color:\'red\'} }}"/>', V);
c('attr-unquoted', '<view a=b c=1/>');
// --- wx:for
c('for-default', '<view wx:for="{{list}}">{{index}}:{{item}}</view>', { list: ['a', 'b', 'c'] });
c('for-custom-names', '<view wx:for="{{list}}" wx:for-item="it" wx:for-index="i">{{i}}:{{it.name}}|{{item}}|{{index}}</view>', { list: [{ name: 'x' }, { name: 'y' }] });
c('for-key', '<view wx:for="{{list}}" wx:key="id">{{item.id}}</view><view wx:for="{{list2}}" wx:key="*this">{{item}}</view>', { list: [{ id: 1 }, { id: 2 }], list2: ['p', 'q'] });
c('for-key-keep-virtual', '<view wx:for="{{list}}" wx:key="id">{{item.id}}</view><view wx:for="{{list2}}" wx:key="*this">{{item}}</view>', { list: [{ id: 1 }, { id: 2 }], list2: ['p', 'q'] });
c('for-nested', '<view wx:for="{{rows}}" wx:for-item="row" wx:for-index="r"><text wx:for="{{row}}">{{r}}.{{index}}={{item}}</text></view>', { rows: [[1, 2], [3]] });
c('for-nested-default-names', '<view wx:for="{{rows}}"><text wx:for="{{item}}">{{index}}={{item}}</text></view>', { rows: [['a', 'b'], ['c']] });
c('for-object', '<view wx:for="{{o}}">{{index}}={{item}}</view>', { o: { x: 1, y: 2 } });
c('for-string', '<view wx:for="{{s}}">{{index}}={{item}}</view>', { s: 'ab' });
c('for-number', '<view wx:for="{{3}}">{{index}}={{item}}</view>');
c('for-null-undefined-bool', '<view wx:for="{{nul}}">n</view><view wx:for="{{missing}}">m</view><view wx:for="{{t}}">t</view>', V);
c('for-literal-no-braces', '<view wx:for="abc">{{item}}</view>');
c('for-array-literal', '<view wx:for="{{[1, 2, 3]}}">{{item}}</view>');
c('for-block', '<block wx:for="{{list}}"><text>{{item}}</text>-</block>', { list: ['a', 'b'] });
c('for-with-if', '<view wx:for="{{list}}" wx:if="{{item > 1}}">{{item}}</view>', { list: [1, 2, 3] });
c('for-items-legacy', '<view wx:for-items="{{list}}">{{item}}</view>', { list: ['a', 'b'] });
c('for-empty', '<view wx:for="{{earr}}">x</view><view>after</view>', V);
// --- conditionals
c('if-elif-else', [0, 1, 2].map(v => `<view wx:if="{{v===${v}}}">A</view><view wx:elif="{{v===1}}">B</view><view wx:else>C</view>`).join('|'), { v: 1 });
c('if-values', ['t','f','nul','missing','zero','es','s','earr','o'].map(k => `<view wx:if="{{${k}}}">${k}</view>`).join(''), V);
c('if-literal-string', '<view wx:if="false">str-false</view><view wx:if="{{false}}">lit-false</view><view wx:if="">empty</view>');
c('if-block', '<block wx:if="{{t}}"><view>x</view>y</block><block wx:else>z</block>', V);
c('if-keep-virtual', '<view wx:if="{{t}}">A</view><view wx:else>B</view><block wx:if="{{t}}">b</block>', V);
c('hidden', '<view hidden="{{t}}">a</view><view hidden="{{f}}">b</view><view hidden>c</view><view hidden="false">d</view>', V);
// --- block
c('block-flatten', '<view><block><text>a</text>b</block><block></block><block>c<block>d</block></block></view>');
c('block-attrs', '<block class="x" id="y" data-z="1"><text>a</text></block>');
// --- templates
c('template-basic', '<template name="t"><text>T:{{a}}|{{b}}</text></template><template is="t" data="{{a: n, b: 2}}"/>', V);
c('template-spread', '<template name="t"><text>{{a}}-{{b}}-{{n}}</text></template><template is="t" data="{{...o}}"/><template is="t" data="{{...o, a: 9}}"/><template is="t"/>', { o: { a: 1, b: 2 }, n: 5 });
c('template-shorthand-data', '<template name="t"><text>{{x}}</text></template><template is="t" data="{{x}}"/>', { x: 'X' });
c('template-dynamic-is', '<template name="a"><text>A</text></template><template name="b"><text>B</text></template><template is="{{w}}"/><template is="{{w === \'a\' ? \'b\' : \'a\'}}"/>', { w: 'a' });
c('template-missing', '<template is="nope"/><view>after</view>');
c('template-attrs-on-use', '<template name="t"><view>v</view></template><template is="t" class="c" data-x="1"/>');
c('template-root-multi', '<template name="t">txt<view>v</view>{{a}}</template><template is="t" data="{{a: 1}}"/>');
c('template-recursive', '<template name="r"><view>{{d}}<template wx:if="{{d < 2}}" is="r" data="{{d: d + 1}}"/></view></template><template is="r" data="{{d: 0}}"/>');
// --- import / include
cases.push({ id: 'import-include', page: P, data: { a: 5 }, files: {
  [P]: '<import src="../../common/t.wxml"/><import src="/common/abs.wxml"/><include src="inc.wxml"/><template is="t" data="{{a}}"/><template is="abs" data="{{a}}"/><template is="inner"/>',
  'common/t.wxml': '<template name="t"><text>T:{{a}}</text></template><view>t-body-ignored</view>',
  'common/abs.wxml': '<template name="abs"><text>ABS:{{a}}</text></template>',
  'pages/index/inc.wxml': 'inc-text <view>INC {{a}}</view><template name="inner"><text>inner</text></template>',
} });
cases.push({ id: 'import-transitive', page: P, data: {}, files: {
  [P]: '<import src="a.wxml"/><template is="A"/><template is="B"/>',
  'pages/index/a.wxml': '<import src="b.wxml"/><template name="A"><text>A</text><template is="B"/></template>',
  'pages/index/b.wxml': '<template name="B"><text>B</text></template>',
} });
cases.push({ id: 'include-absolute-and-missing', page: P, data: {}, files: {
  [P]: '<include src="/common/x.wxml"/><include src="nope.wxml"/><import src="nope2.wxml"/><view>end</view>',
  'common/x.wxml': '<view>X</view>',
} });
cases.push({ id: 'include-without-ext', page: P, data: {}, files: {
  [P]: '<include src="x"/><view>end</view>',
  'pages/index/x.wxml': '<view>X</view>',
} });
// --- events
c('events', '<view bindtap="onTap" catchtap="c1" bind:longpress="lp" catch:touchstart="ts" capture-bind:tap="cb" capture-catch:tap="cc" mut-bind:tap="mb" bindtap2="x" binddyn="{{h}}" bind:tap="dup"/>', { h: 'handler' });
c('model-and-generic', '<input model:value="{{v}}"/><my-comp generic:sel="other-comp"/>', { v: 'x' });
// --- wxs
c('wxs-inline', '<wxs module="m">var x = 2; module.exports = { f: function (v) { return v * x; }, v: "hi", o: { k: [1,2] }, re: getRegExp("a+", "g") };</wxs><view>{{m.f(n)}} {{m.v}} {{m.o}}</view><view a="{{m.f}}" b="{{m.o}}" c="{{m.f(n)}}"/>', V);
cases.push({ id: 'wxs-src', page: P, data: { n: 4 }, files: {
  [P]: '<wxs module="u" src="./u.wxs"/><view>{{u.twice(n)}}</view>',
  'pages/index/u.wxs': 'module.exports = { twice: function (v) { return v + v; } };',
} });
c('wxs-runtime-error', '<wxs module="m">module.exports = { f: function () { throw new Error("boom"); } };</wxs><view>{{m.f()}}</view>');
// --- entities
c('entities-text', '<view>&lt;b&gt; &amp; [&nbsp;] &quot;&apos;&#39;&#x41;&#65;&copy;&unknown;</view>');
c('entities-attr', '<view a="&lt;&amp;&gt;" b="&nbsp;" c="&quot;x&quot;" d="&#65;"/>');
c('entities-text-decode', '<text decode>&lt;&nbsp;&gt;</text><text>&lt;&nbsp;&gt;</text>');
// --- comments
c('comments', '<view><!-- c --> a <!-- multi\nline --> b</view><!-- top --><view>{{/* not comment */ 1}}</view>');
// --- unknown tags & self closing
c('unknown-tags', '<div>d</div><span/><my-comp x="1">m</my-comp><Foo>F</Foo><a-b_c/><page>p</page><wx-view>w</wx-view>');
c('self-closing', '<view/><text/><image src="x.png"/><view></view><input>');
c('void-like-unclosed', '<input value="1"><view>after</view>');
c('slot', '<slot/><slot name="a"/><view><slot name="b">fallback</slot></view>');
// --- root / empty
c('root-empty', '');
c('root-only-ws', '  \n  ');
// --- components via usingComponents
cases.push({ id: 'using-components', page: P, data: {}, files: {
  [P]: '<my-comp x="1" bindtap="t">child</my-comp><other-comp/>',
  'pages/index/index.json': JSON.stringify({ usingComponents: { 'my-comp': '/comp/c' } }),
  'comp/c.wxml': '<view>COMP<slot/></view>',
  'comp/c.json': JSON.stringify({ component: true }),
} });
// --- errors
c('err-unclosed-tag', '<view>\n  <text>hi\n</view>');
c('err-unclosed-root', '<view><text>hi</text>');
c('err-stray-end-tag', '<view></view></text>');
c('err-bad-expr', '<view>\n  <text>{{a +}}</text>\n</view>');
c('err-bad-expr-attr', '<view class="{{a b}}"/>');
c('err-bad-expr-paren', '<view>{{ (a }}</view>');
c('err-unclosed-mustache', '<view>{{ a </view>');
c('err-else-without-if', '<view wx:else>x</view>');
c('err-elif-after-plain', '<view>a</view><view wx:elif="{{x}}">b</view>');
c('err-unclosed-quote', '<view a="x></view>');
c('err-bad-tag-name', '<1a></1a>');
c('err-template-no-name', '<template><view/></template>');
c('err-wxs-syntax', '<wxs module="m">module.exports = {;</wxs><view/>');
c('err-unknown-wx-attr', '<view wx:foo="1">x</view>');
c('err-lt-in-text', '<view>a < b</view>');
c('err-amp-in-text', '<view>a & b</view>');
c('runtime-dom-limit', '<view wx:for="{{20000}}"></view>');

// --- round 2: split-out / extra probes
c('ws-single-spaces', '<view> <text>a</text> <text>b</text> </view><view>x <text>a</text> y</view>');
c('ws-around-interp-missing', '<view> {{missing}} </view><view>{{missing}}</view><view>{{es}}</view>', V);
['n+1','n+"1"','s+1','t?"y":"n"','!f','n>1&&s','o.a','o["b"]','arr[2][1]','arr.length','"lit"',"'q'",'n*fl','n%2','-n','typeof n','nul===null','missing.x','{a:1}','[1,2]','n==="3"','n=="3"','\'}}\'','a.b.c','s.length','fn()','o.a.b.c','Math.max(1,2)','"a"+\'b\'','n > 2 ? "big" : "small"','/* c */ n','n // c'].forEach((e, i) => c('expr-' + i, `<view data-e="${e.replace(/"/g, '&quot;')}">{{${e}}}</view>`, V));
c('attr-plain2', '<view a="x" b=\'y "q"\' c="" d e="  spaced  " g="1" h="true" i="{{1}}" j="{{\'1\'}}" k="{{ {a: n} }}"/>', V);
c('attr-newline-value', '<view f="multi\nline"/>');
c('attr-name-forms', '<view hover-class="h" aria-label="l" data-a-b="1" a_b="2" a--b="3" x-y-z="4" bind-tap="5" a:b="6" dataFoo="7" data-="8" catch-tap="9"/>');
c('attr-name-on-component', '<my-comp some-prop="1" data-x-y="2" bind:my-event="3" bindmy-event="4"/>');
c('attr-both-missing', '<view class="{{a}} {{b}}" id="{{a}}"/>');
c('attr-string-with-mustache-data', '<view a="{{s}}">{{s}}</view>', { s: '{{x}}' , x: 1});
c('unknown-tags2', '<div>d</div><span/><my-comp x="1">m</my-comp><Foo>F</Foo><a-b_c/><page>p</page>');
c('tag-wx-prefixed', '<wx-view>w</wx-view>');
c('tag-colon', '<a:b>x</a:b>');
c('tag-case-mismatch', '<View>x</view>');
c('self-closing2', '<view/><text/><image src="x.png"/><view></view><input/>');
c('if-hidden-together', '<view wx:if="{{t}}" hidden="{{t}}">x</view>', V);
c('for-if-key-keep-virtual', '<view wx:for="{{[1,2]}}" wx:key="*this" wx:if="{{item>1}}">{{item}}</view>');
c('for-index-item-shadow', '<view wx:for="{{list}}">{{item}}<view wx:for="{{item.sub}}">{{item}}</view></view>', { list: [{ sub: ['a'] }], item: 'outer' });
c('for-key-index-keep-virtual', '<view wx:for="{{list}}" wx:key="index">{{item}}</view><view wx:for="{{list}}" wx:key="{{item}}">{{item}}</view>', { list: ['a', 'b'] });
c('data-shadowing-in-template', '<template name="t"><text>{{a}}|{{b}}</text></template><template is="t" data="{{a}}"/>', { a: 1, b: 2 });
c('text-entity-numeric-decode', '<text decode="{{true}}">&#65;&amp;</text>');
c('comment-unclosed', '<view>a</view><!-- x');
c('cdata', '<view><![CDATA[<b>]]></view>');
c('err-nested-mustache', '<view>{{ {{a}} }}</view>');
c('err-bad-attr-mustache-unclosed', '<view a="{{b"/>');
c('err-mismatched-end', '<view><text></view></text>');
c('err-elif-after-for', '<view wx:for="{{[1]}}">a</view><view wx:else>b</view>');
c('err-template-is-missing-attr', '<template data="{{a}}"/>');
c('err-import-no-src', '<import/>');
c('err-wxs-no-module', '<wxs>module.exports = {}</wxs>');
c('err-multiline-pos', '<view>\n\n   <view class="{{ a + }}"/>\n</view>');
c('err-tab-col', '\t<view>{{a +}}</view>');
c('err-unicode-col', '<view>中文{{a +}}</view>');

// --- round 3: wxs files, error positions, attribute names with ':'
const raw = (id, files, data = {}) => cases.push({ id, files, page: P, data });
raw('wxs-src-missing', { [P]: '<wxs module="u" src="./nope.wxs"/><view>{{u}}</view>' });
raw('wxs-src-abs', { [P]: '<wxs module="u" src="/u.wxs"/><view>{{u.v}}</view>', 'u.wxs': 'module.exports={v:1}' });
raw('wxs-file-syntax', { [P]: '<wxs module="u" src="./u.wxs"/><view>{{u.v}}</view>', 'pages/index/u.wxs': 'module.exports={v:;' });
raw('wxs-require-ok', { [P]: '<wxs module="u" src="./u.wxs"/><view>{{u.v}}</view>', 'pages/index/u.wxs': 'var x=require("./x.wxs"); module.exports={v:x.k}', 'pages/index/x.wxs': 'module.exports={k:42}' });
raw('wxs-inline-es6-const', { [P]: '<wxs module="m">const a = 1; module.exports = {a: a};</wxs><view>{{m.a}}</view>' });
raw('wxs-inline-arrow', { [P]: '<wxs module="m">module.exports = {f: x => x};</wxs><view>{{m.f(1)}}</view>' });
raw('err-in-unused-wxs-file', { [P]: '<view>ok</view>', 'other.wxs': 'module.exports={v:;' });
raw('err-in-unused-wxml-file', { [P]: '<view>ok</view>', 'other.wxml': '<view>' });
raw('attr-colon-dash', { [P]: '<view a-b:c-d="1" x-y="2" my:some-attr="3" model:my-val="{{v}}"/>' }, { v: 1 });
[['pos-l1-text', '<view>{{a +}}</view>'], ['pos-l2-text', '\n<view>{{a +}}</view>'], ['pos-l1-text-prefix', '<view>xx{{a +}}</view>'],
 ['pos-l1-attr', '<view class="{{a +}}"/>'], ['pos-l2-attr', '\n<view class="{{a +}}"/>'],
 ['pos-l1-endtag', '<view><text></view>'], ['pos-l2-endtag', '\n<view><text></view>'],
 ['pos-l1-unclosed', '<view>'], ['pos-l1-unclosed-indent', '   <view>'], ['pos-l2-unclosed', '\n<view>'], ['pos-l3-unclosed-indent', '\n\n   <view>'],
 ['pos-crlf', '<view>\r\n<view>{{a +}}</view></view>']].forEach(([id, w]) => c(id, w));
c('text-obj-literal-spaced', '<view>{{ {a:1} }}</view><view>{{ [1,[2,3]] }}</view>');
c('ws-only-in-text-tag', '<text>   </text><text> </text>');
c('nbsp-only', '<view>\u00a0</view><view>&nbsp;</view>');
// --- backslashes in literal text and attribute values (wcc turns \n \t \r into control characters; see WccEscapes.cs)
c('escape-text-control', '<view>a\\nb\\tc\\rd</view><text>line one\\nline two</text>');
c('escape-text-quotes-backslashes', '<view>a\\\\b \\"c\\\' d\\\\n e\\\\\\n f"g\'h</view>');
c('escape-text-others', '<view>\\x41 \\u0041 \\q \\0 \\/ \\b end\\</view>');
c('escape-attribute', '<view data-a="a\\nb" data-b="x\\"y" data-c=\'p\\\'q\' data-d="\\\\n" data-e="\\\\\'" data-f="\\x41\\q\\\\" class="c\\\\\\\\0\'"/>');
c('escape-around-expressions', '<view a="{{1}}\\n{{2}}">p\\{{3}}\\n{{"e\\nf"}}</view>');
c('escape-before-expression-in-attribute', '<view b="\\{{3}}" c="x\\{{3}}"/>');
process.stdout.write(JSON.stringify(cases, null, 1));
