namespace Capsule.Bench.Runtime;

/// <summary>
/// The measured content: a page of 1,000 rows, as a mini program (with handlers that time their own
/// setData until its callback, i.e. until the view has patched the DOM) and as a plain static page.
/// </summary>
internal static class ListProgram
{
    public const int Rows = 1000;

    public static void Write(string root)
    {
        Directory.CreateDirectory(Path.Combine(root, "pages", "list"));
        File.WriteAllText(Path.Combine(root, "app.json"), """{ "pages": ["pages/list/list"], "window": { "navigationBarTitleText": "Rows" } }""");
        File.WriteAllText(Path.Combine(root, "pages", "list", "list.wxml"), """
            <button id="one" bindtap="updateOne">one</button>
            <button id="all" bindtap="replaceAll">all</button>
            <view wx:for="{{rows}}" wx:key="id" class="row">{{item.label}}</view>
            """);
        File.WriteAllText(Path.Combine(root, "pages", "list", "list.wxss"), ".row { padding: 4px 8px; border-bottom: 1px solid #eee; }");
        File.WriteAllText(Path.Combine(root, "pages", "list", "list.js"), $$"""
            function rows(tag) {
              const list = [];
              for (let i = 0; i < {{Rows}}; i++) list.push({ id: i, label: tag + ' row ' + i });
              return list;
            }
            let round = 0;
            Page({
              data: { rows: rows('first'), timings: [] },
              updateOne() {
                const start = performance.now();
                this.setData({ 'rows[500].label': 'changed ' + (++round) }, () => this.record('one', start));
              },
              replaceAll() {
                const start = performance.now();
                this.setData({ rows: rows('round ' + (++round)) }, () => this.record('all', start));
              },
              record(kind, start) {
                this.timings = (this.timings || []).concat([{ kind, ms: performance.now() - start }]);
                this.setData({ timings: this.timings });
              }
            });
            """);
    }

    public static string StaticPage()
    {
        var rows = string.Concat(Enumerable.Range(0, Rows).Select(i => $"<div class=\"row\">first row {i}</div>"));
        return $$"""
            <!doctype html><html><head><meta charset="utf-8"><title>Rows</title>
            <style>body{margin:0;font-family:sans-serif}.row{padding:4px 8px;border-bottom:1px solid #eee}</style></head>
            <body><header style="height:44px;background:#000;color:#fff">Rows</header><button id="one">one</button><button id="all">all</button>{{rows}}
            <script>let round = 0; document.getElementById('one').onclick = () => document.querySelectorAll('.row')[500].textContent = 'changed ' + (++round);</script></body></html>
            """;
    }
}
