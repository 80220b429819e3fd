using System.Text.Json;
using System.Text.Json.Nodes;

namespace Capsule.Bench;

/// <summary>What was generated: the project folder, its pages and the size of each kind of source.</summary>
public sealed record GeneratedProject(string Root, IReadOnlyList<string> Pages, int SubPackages, SourceSize Wxml, SourceSize Wxss, SourceSize Wxs, SourceSize Js);

/// <summary>A number of files and their total size in bytes.</summary>
public readonly record struct SourceSize(int Files, long Bytes);

/// <summary>
/// Generates the same large shop-style project on every run: a main package and subpackages of
/// <see cref="PagesPerPackage"/> pages each (WeChat caps a package at 2 MB, so a project this size needs them), shared
/// templates, partials, a WXS module and styles under <c>common/</c>.
/// </summary>
public static class ProjectGenerator
{
    public const int PagesPerPackage = 40;

    private static readonly string[] s_topics =
        ["goods", "order", "profile", "cart", "coupon", "article", "shop", "search", "review", "address", "wallet", "message"];

    public static GeneratedProject Generate(string root, int pageCount)
    {
        Directory.CreateDirectory(root);
        var sizes = new Random(42);
        var mainPages = new JsonArray();
        var subPackages = new JsonArray();
        var pages = new List<string>();
        for (var i = 0; i < pageCount; i++)
        {
            var package = i / PagesPerPackage;
            var packageRoot = package == 0 ? "" : $"package{(char)('A' + package - 1)}/";
            var page = $"pages/{s_topics[i % s_topics.Length]}-{i:000}/index";
            if (package == 0)
            {
                mainPages.Add(page);
            }
            else
            {
                if (i % PagesPerPackage == 0)
                {
                    subPackages.Add(new JsonObject { ["root"] = packageRoot.TrimEnd('/'), ["pages"] = new JsonArray() });
                }
                ((JsonArray)subPackages[^1]!["pages"]!).Add(page);
            }

            var path = packageRoot + page;
            var writer = new PageWriter(i, string.Concat(Enumerable.Repeat("../", path.Count(c => c == '/'))));
            Write(root, path + ".wxml", writer.Wxml(sizes.Next(3000, 6500)));
            Write(root, path + ".wxss", writer.Wxss());
            Write(root, path + ".js", writer.Js());
            Write(root, path + ".json", $"{{\n  \"navigationBarTitleText\": \"{s_topics[i % s_topics.Length]} {i}\",\n  \"enablePullDownRefresh\": {(i % 2 == 0 ? "true" : "false")}\n}}\n");
            pages.Add(path);
        }

        var app = new JsonObject
        {
            ["pages"] = mainPages,
            ["subPackages"] = subPackages,
            ["window"] = new JsonObject
            {
                ["navigationBarTitleText"] = "Capsule Mall",
                ["navigationBarBackgroundColor"] = "#ffffff",
                ["navigationBarTextStyle"] = "black",
                ["backgroundColor"] = "#f6f6f6",
            },
            ["sitemapLocation"] = "sitemap.json",
        };
        Write(root, "app.json", app.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        Write(root, "app.js", "App({\n  globalData: { theme: 'light', user: null },\n\n  onLaunch() {\n    this.globalData.launchedAt = Date.now();\n  },\n});\n");
        Write(root, "app.wxss", AppWxss);
        Write(root, "sitemap.json", "{\n  \"rules\": [{ \"action\": \"allow\", \"page\": \"*\" }]\n}\n");
        Write(root, "project.config.json", "{\n  \"appid\": \"touristappid\",\n  \"projectname\": \"capsule-bench\",\n  \"compileType\": \"miniprogram\"\n}\n");
        Write(root, "common/templates/cards.wxml", CardsWxml);
        Write(root, "common/templates/states.wxml", StatesWxml);
        Write(root, "common/partials/nav.wxml", NavWxml);
        Write(root, "common/partials/footer.wxml", FooterWxml);
        Write(root, "common/utils/format.wxs", FormatWxs);
        Write(root, "common/styles/base.wxss", BaseWxss);

        return new GeneratedProject(root, pages, subPackages.Count, Size(root, ".wxml"), Size(root, ".wxss"), Size(root, ".wxs"), Size(root, ".js"));
    }

    private static void Write(string root, string path, string text)
    {
        var full = Path.Combine(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    private static SourceSize Size(string root, string extension)
    {
        var files = Directory.EnumerateFiles(root, "*" + extension, SearchOption.AllDirectories).Select(f => new FileInfo(f)).ToList();
        return new SourceSize(files.Count, files.Sum(f => f.Length));
    }

    private const string CardsWxml = """
        <wxs module="fmt" src="../utils/format.wxs"/>
        <template name="productCard">
          <view class="card {{compact ? 'card-compact' : ''}}" bindtap="onSelect" data-index="{{index}}" data-id="{{id}}">
            <image class="card-cover" src="{{cover}}" mode="aspectFill" lazy-load/>
            <view class="card-body">
              <text class="card-title">{{title}}</text>
              <text class="card-desc" wx:if="{{!compact && desc}}">{{desc}}</text>
              <view class="card-tags">
                <text class="tag" wx:for="{{tags}}" wx:key="*this">{{item}}</text>
              </view>
              <template is="priceTag" data="{{price: price, original: original, unit: '¥'}}"/>
              <text class="sold" wx:if="{{stock === 0}}">已售罄</text>
              <text class="sold" wx:elif="{{stock < 10}}">Only {{stock}} left</text>
            </view>
          </view>
        </template>
        <template name="priceTag">
          <view class="price">
            <text class="unit">{{unit}}</text><text class="value">{{fmt.price(price)}}</text>
            <text class="original" wx:if="{{original > price}}">{{unit}}{{fmt.price(original)}}</text>
          </view>
        </template>
        <template name="avatar">
          <view class="avatar" style="width: {{size}}rpx; height: {{size}}rpx">
            <image src="{{src || '/images/default-avatar.png'}}" mode="aspectFill"/>
            <text class="vip" wx:if="{{vip}}">VIP</text>
          </view>
        </template>

        """;

    private const string StatesWxml = """
        <template name="emptyState">
          <view class="empty">
            <icon type="info" size="48"/>
            <text class="empty-text">{{text}}</text>
          </view>
        </template>
        <template name="loading">
          <view class="loading"><text>加载中...</text></view>
        </template>
        <template name="errorState">
          <view class="error">
            <text>{{message || 'Something went wrong'}}</text>
            <button size="mini" bindtap="{{retry}}">Retry</button>
          </view>
        </template>

        """;

    private const string NavWxml = """
        <view class="nav" style="padding-top: {{statusBarHeight}}px">
          <view class="nav-back" wx:if="{{showBack}}" bindtap="onBack">‹</view>
          <text class="nav-title">{{navTitle || 'Capsule Mall'}}</text>
        </view>

        """;

    private const string FooterWxml = """
        <view class="footer">
          <text class="footer-line">Capsule Mall · {{year || 2024}}</text>
          <navigator url="/pages/goods-000/index" open-type="switchTab" class="footer-link">Home</navigator>
        </view>

        """;

    private const string FormatWxs = """
        var price = function (cents) {
          return (cents / 100).toFixed(2);
        };

        function plural(n, word) {
          return n + ' ' + word + (n === 1 ? '' : 's');
        }

        module.exports = {
          price: price,
          plural: plural
        };

        """;

    private const string BaseWxss = """
        .card {
          display: flex;
          margin: 16rpx 24rpx;
          padding: 24rpx;
          border-radius: 16rpx;
          background: #fff;
        }

        .card-cover {
          width: 180rpx;
          height: 180rpx;
          border-radius: 8rpx;
        }

        .price .value {
          color: #fa5151;
          font-size: 32rpx;
        }

        """;

    private const string AppWxss = """
        page {
          background: #f6f6f6;
          font-size: 28rpx;
          color: #333;
        }

        .nav {
          height: 88rpx;
          display: flex;
          align-items: center;
        }

        .btn-primary,
        button[type="primary"] {
          background: #07c160;
          border-radius: 44rpx;
        }

        .tag {
          margin-right: 8rpx;
          padding: 2rpx 12rpx;
          font-size: 20rpx;
        }

        """;
}
