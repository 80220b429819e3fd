(function(){
var $own = function (o, k) { return Object.prototype.hasOwnProperty.call(o, k); };
var $g = function (o, k) { return o === null || o === undefined ? undefined : o[k]; };
var $c = function (o, f, a) {
  try {
    var fn = typeof f === "function" ? f : $g(o, f);
    return typeof fn === "function" ? fn.apply(o, a) : undefined;
  } catch (e) { return undefined; }
};
var $t = function (v) {
  if (v === undefined) return "";
  try { return String(v); } catch (e) { return ""; }
};
var $f = function (c, fn) {
  var i;
  if (Array.isArray(c) || typeof c === "string") { for (i = 0; i < c.length; i++) fn(c[i], i); }
  else if (typeof c === "number") { for (i = 0; i < c; i++) fn(i, i); }
  else if (c && typeof c === "object") { for (i in c) if ($own(c, i)) fn(c[i], i); }
};
var $k = function (P, s, loop, k) {
  if (k === undefined || k === null || typeof k === "object") return;
  for (var i = s; i < P.length; i++) {
    if (P[i] && typeof P[i] === "object") {
      var inner = P[i].key;
      Object.defineProperty(P[i], "key", {value: loop + ":" + $t(k) + (P.length - s > 1 ? "#" + (i - s) : "") + (inner ? "/" + inner : ""), configurable: true});
    }
  }
};
var $e = function (tag) { return {tag: tag, attr: {}, children: [], raw: {}, generics: {}}; };
var $F = {}, $W = {}, $WC = {}, $active = [];
var $find = function (file, name) {
  var f = $F[file], i, g;
  if (!f) return undefined;
  if ($own(f.t, name)) return f.t[name];
  for (i = f.i.length - 1; i >= 0; i--) { g = $F[f.i[i]]; if (g && $own(g.t, name)) return g.t[name]; }
  return undefined;
};
var $guard = function (fn, D, P, M) {
  if ($active.indexOf(fn) >= 0) return;
  $active.push(fn);
  try { fn(D, P, M); } finally { $active.pop(); }
};
var $tpl = function (file, name, data, P) {
  var fn = $find(file, name);
  if (fn) $guard(fn, data || {}, P);
};
var $inc = function (file, D, P, M) { var f = $F[file]; if (f) $guard(f.r, D, P, M); };
var $m = function (M, key, deps, P) {
  if (!M) return null;
  var e = M.p.get(key), i = 0;
  if (e && e.d.length === deps.length) {
    while (i < deps.length && e.d[i] === deps[i]) i++;
    if (i === deps.length) {
      M.n.set(key, e);
      for (i = 0; i < e.v.length; i++) P.push(e.v[i]);
      return true;
    }
  }
  return {k: key, d: deps};
};
var $ms = function (M, m, P, s) { if (m) M.n.set(m.k, {d: m.d, v: P.slice(s)}); };
var $ctor = (function (key) {
  if (!$own(Object.prototype, key)) {
    Object.defineProperty(Object.prototype, key, {
      get: function () { return Object.prototype.toString.call(this).slice(8, -1); }
    });
  }
  return key;
})(Symbol.for("capsule.wxs.constructor"));
var $getRegExp = function (pattern, flags) { return new RegExp(pattern, flags); };
var $getDate = function () {
  var a = Array.prototype.slice.call(arguments);
  return a.length === 0 ? new Date() : new (Function.prototype.bind.apply(Date, [null].concat(a)))();
};
var $w = function (key) {
  if (!$own($WC, key)) {
    var module = {exports: {}};
    $WC[key] = module;
    var factory = $W[key];
    if (factory) {
      factory(module, module.exports, function (request) { return $w($wr(key, request)); }, $getRegExp, $getDate);
    }
  }
  return $WC[key].exports;
};
var $wr = function (from, request) {
  var parts = request.charAt(0) === "/" ? [] : from.split("#")[0].split("/").slice(0, -1);
  request.split("/").forEach(function (p) { if (p === "..") parts.pop(); else if (p && p !== ".") parts.push(p); });
  var path = parts.join("/");
  return /\.wxs$/.test(path) ? path : path + ".wxs";
};
var $page = function (file) {
  return function (D, M) {
    var R = {tag: "wx-page", children: []};
    if (M) M.n = new Map();
    $inc(file, D, R.children, M);
    if (M) M.p = M.n;
    return R;
  };
};
$W["page.wxml#fmt"]=function(module,exports,require,getRegExp,getDate){

  var price = function (cents) {
    return (cents / 100).toFixed(2); // two decimals
  };
  module.exports = { price: price };

};
$F["page.wxml"]=(function(){
  var T={};
  T.badge=function(D,P){
    var e0=$e("wx-text");
    e0.attr.class="badge badge-"+$t($g(D,"kind"));
    P.push(e0);
    e0.children.push(""+$t($g(D,"text")));
  };
  return{t:T,i:[],r:function(D,P,M){
    var e1=$e("wx-view");
    e1.attr.class="orders "+$t(($g(D,"loading")?"is-loading":""));
    e1.attr.hoverClass="pressed";
    P.push(e1);
    $f($g(D,"orders"),function(item2,index3){
      var s4=e1.children.length;
      var m5=$m(M,"m5:"+index3,d6(),e1.children);
      if(m5===true)return;
      var e7=$e("wx-view");
      e7.attr.bindtap="onOpen";
      e7.attr.class="order";
      e7.attr["data-id"]=$g(item2,"id");
      e1.children.push(e7);
      var e8=$e("wx-text");
      e8.attr.class="title";
      e7.children.push(e8);
      e8.children.push(""+$t((index3+1))+". "+$t($g(item2,"title")));
      var e9=$e("wx-text");
      e9.attr.class="price";
      e7.children.push(e9);
      e9.children.push("\u00A5"+$t($c($w("page.wxml#fmt"),"price",[$g(item2,"cents")])));
      if($g(item2,"late")){
        $tpl("page.wxml","badge",{"kind":"late","text":"Late"},e7.children);
      }
      else if((!$g(item2,"paid"))){
        $tpl("page.wxml","badge",{"kind":"due","text":"Unpaid"},e7.children);
      }
      else{
        var e10=$e("wx-text");
        e7.children.push(e10);
        e10.children.push("Paid");
      }
      $k(e1.children,s4,"item2",$g(item2,"id"));
      $ms(M,m5,e1.children,s4);
      function d6(){return[item2,index3];}
    });
    var e11=$e("wx-input");
    e11.attr.disabled=true;
    e11.attr.value=$g(D,"query");
    e11.attr.placeholder="Search";
    e11.rawAttr={"model:value":"{{query}}"};
    e1.children.push(e11);
  }};
})();
__capsuleRegisterViews({"page":$page("page.wxml")});
})();
