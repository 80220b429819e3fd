// Automatic semicolon insertion: these line breaks must stay.
var a = 1
var b = a
++b
function f() {
  return
  a + b
}
let c = a
;[a, b].forEach(function (x) { c += x })

// and these may go.
var o = {
  list: [
    1,
    2,
  ],
}
o
  .list
  .push(3)

// Division or regular expression, as the grammar says.
var ratio = a / b / 2
var re = /\/\*not a comment\*\//g.test('/**/') ? /a/ : /b/i
if (re) /x/.exec('x')
var sum = a + +b - -c + ++o.list[0]

// Literals keep every character.
var s = "  two  spaces // and no comment  "
var t = `line one
  ${ a +  b }  line two ${`nested ${ c }`}`
var n = 1 .toString() + 1.5.toFixed(1) + (c ? .5 : 2)
