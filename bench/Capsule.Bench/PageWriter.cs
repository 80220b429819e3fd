using System.Text;
using System.Text.RegularExpressions;

namespace Capsule.Bench;

/// <summary>
/// Writes one page's WXML, WXSS and JS from a seeded <see cref="Random"/>: a shell that imports shared templates, a
/// WXS module and partials, then typical sections (lists, nested loops, if/elif/else chains, forms, local templates)
/// until the WXML reaches a target size.
/// </summary>
public sealed partial class PageWriter
{
    private static readonly string[] s_words =
    [
        "fresh", "daily", "premium", "classic", "limited", "seasonal", "organic", "smart", "mini", "deluxe",
        "spring", "summer", "autumn", "winter", "urban", "family", "travel", "office", "sport", "kids",
    ];

    private static readonly string[] s_phrases =
    [
        "限时特惠", "新品上架", "猜你喜欢", "查看全部", "立即购买", "加入购物车", "我的订单", "优惠券", "热门推荐", "已售罄",
        "Top picks today", "Best sellers", "Recently viewed", "Member offers", "Free shipping over 99",
    ];

    private static readonly string[] s_handlers =
    [
        "onHeroTap", "onCell", "onSubmit", "onReset", "onInput", "onCity", "onAgree", "onFollow", "onTab", "onBanner",
        "onSelect", "onToggle", "onLoadMore", "onRetry",
    ];

    private readonly Random _random;
    private readonly int _index;
    private readonly string _toRoot;
    private readonly HashSet<string> _dataKeys = new(StringComparer.Ordinal);

    /// <param name="index">The page's number; it seeds the generator and names the page's CSS class.</param>
    /// <param name="toRoot">The relative path from the page's folder to the project root, such as <c>../../</c>.</param>
    public PageWriter(int index, string toRoot)
    {
        _random = new Random(index * 7919 + 17);
        _index = index;
        _toRoot = toRoot;
    }

    public string Wxml(int targetBytes)
    {
        var body = new StringBuilder();
        var sections = new List<Func<int, string>>
        {
            Hero, ProductList, Grid, OrderStatus, Form, Swiper, Users, Article, Tabs, Summary, LocalTemplate,
        };
        for (var n = 0; body.Length < targetBytes || n < 4; n++)
        {
            body.Append(Indent(sections[_random.Next(sections.Count)](n)));
        }

        var page = new StringBuilder();
        page.Append("<import src=\"/common/templates/cards.wxml\"/>\n");
        page.Append($"<import src=\"{_toRoot}common/templates/states.wxml\"/>\n");
        page.Append("<wxs module=\"fmt\" src=\"/common/utils/format.wxs\"/>\n");
        if (_index % 3 == 0)
        {
            page.Append("<wxs module=\"local\">\nvar pct = function (a, b) { return b ? Math.round(a * 100 / b) + '%' : '-'; };\nmodule.exports = { pct: pct };\n</wxs>\n");
        }
        page.Append("<include src=\"/common/partials/nav.wxml\"/>\n");
        page.Append($"<view class=\"page page-{_index} {{{{theme}}}}\" style=\"padding-bottom: {{{{safeBottom}}}}px\">\n");
        page.Append(body);
        page.Append("</view>\n");
        page.Append($"<include src=\"{_toRoot}common/partials/footer.wxml\"/>\n");
        return page.ToString();
    }

    public string Wxss()
    {
        var css = new StringBuilder();
        if (_index % 4 == 0)
        {
            css.Append($"@import \"{_toRoot}common/styles/base.wxss\";\n\n");
        }
        css.Append($".page-{_index} {{\n  min-height: 100vh;\n  padding: 0 {Rpx(16, 32)} {Rpx(40, 120)};\n  background: #f{_random.Next(0x10, 0xff):x}f{_random.Next(0x10, 0xff):x}f;\n}}\n");
        foreach (var name in new[] { "hero", "section-title", "cell", "user-row", "summary .row", "tab-active", "kv .k" })
        {
            css.Append($"\n.page-{_index} .{name} {{\n  margin: {Rpx(0, 24)} {Rpx(0, 32)};\n  font-size: {Rpx(22, 36)};\n  line-height: {_random.Next(12, 18) / 10.0:0.0};\n  border-radius: {Rpx(4, 24)};\n}}\n");
        }
        css.Append($"\n.page-{_index} .cell:active,\n.page-{_index} .follow::after {{\n  opacity: 0.{_random.Next(5, 9)};\n  transform: translateY({Rpx(1, 4)});\n}}\n");
        css.Append($"\n@media (min-width: 600px) {{\n  .page-{_index} .grid-row {{\n    width: {Rpx(600, 750)};\n  }}\n}}\n");
        return css.ToString();
    }

    /// <summary>The page's JS; call after <see cref="Wxml"/> so that its data lists the keys the sections bind.</summary>
    public string Js()
    {
        var js = new StringBuilder();
        js.Append("const app = getApp();\n\nPage({\n  data: {\n    theme: 'light',\n    safeBottom: 0,\n    layout: 'compact',\n    current: 0,\n");
        foreach (var key in _dataKeys.Order(StringComparer.Ordinal))
        {
            js.Append($"    {key}: null,\n");
        }
        js.Append("  },\n\n  onLoad(query) {\n    this.setData({ theme: app.globalData.theme, id: query.id || '" + _index + "' });\n  },\n");
        foreach (var handler in s_handlers)
        {
            js.Append($"\n  {handler}(e) {{\n    const {{ dataset }} = e.currentTarget;\n    this.setData({{ lastEvent: '{handler}', lastDataset: dataset }});\n  }},\n");
        }
        js.Append("});\n");
        return js.ToString();
    }

    private string Rpx(int min, int max) => $"{_random.Next(min, max + 1) * 2}rpx";

    private string Hero(int n) => Fill(n, """
        <view class="hero {{hero@N.dark ? 'hero-dark' : ''}}" data-section="hero-@N">
          <image class="hero-image" src="{{hero@N.cover}}" mode="aspectFill" lazy-load/>
          <view class="hero-body">
            <text class="hero-title">{{hero@N.title}}</text>
            <text class="hero-sub" wx:if="{{hero@N.subtitle}}">{{hero@N.subtitle}} · {{hero@N.count + 1}} @W items</text>
            <button class="btn btn-primary" size="mini" bindtap="onHeroTap" data-id="{{hero@N.id}}">{{hero@N.action || '@T'}}</button>
          </view>
        </view>
        """, "hero@N");

    private string ProductList(int n) => Fill(n, """
        <view class="section products-@N">
          <view class="section-head">
            <text class="section-title">{{sections.s@N.title || '@T'}}</text>
            <navigator class="more" url="/pages/list/list?type={{sections.s@N.type}}&page={{page + 1}}" hover-class="more-hover">@T</navigator>
          </view>
          <block wx:for="{{list@N}}" wx:key="id">
            <template is="productCard" data="{{...item, index: index, compact: layout === 'compact'}}"/>
          </block>
          <view wx:if="{{list@N.length === 0}}" class="empty-wrap">
            <template is="emptyState" data="{{text: '@T', icon: 'box'}}"/>
          </view>
          <view wx:elif="{{loading}}">
            <template is="loading"/>
          </view>
        </view>
        """, "list@N");

    private string Grid(int n) => Fill(n, """
        <view class="grid" wx:for="{{groups@N}}" wx:for-item="group" wx:for-index="gi" wx:key="name">
          <text class="group-name">{{gi + 1}}. {{group.name}} ({{group.cells.length}})</text>
          <view class="grid-row">
            <view class="cell {{cell.selected ? 'cell-on' : ''}}" wx:for="{{group.cells}}" wx:for-item="cell" wx:key="id" bindtap="onCell" data-group="{{gi}}" data-cell="{{index}}">
              <image class="cell-icon" src="{{cell.icon}}" mode="aspectFit"/>
              <text class="cell-label">{{cell.label}}</text>
              <text class="cell-badge" wx:if="{{cell.count > 99}}">99+</text>
              <text class="cell-badge" wx:elif="{{cell.count > 0}}">{{cell.count}}</text>
              <text class="cell-new" wx:elif="{{cell.isNew}}">@T</text>
            </view>
          </view>
        </view>
        """, "groups@N");

    private string OrderStatus(int n) => Fill(n, """
        <view class="status status-@N">
          <view wx:if="{{order@N.state === 'paid'}}" class="status-paid">Paid ¥{{fmt.price(order@N.total)}}</view>
          <view wx:elif="{{order@N.state === 'shipped'}}" class="status-shipped">Shipped via {{order@N.carrier}}, tracking {{order@N.tracking}}</view>
          <view wx:elif="{{order@N.state === 'refund'}}" class="status-refund">Refund {{fmt.price(order@N.refund.amount)}} of {{fmt.price(order@N.total)}}</view>
          <view wx:else class="status-pending">@T: {{order@N.minutes}} min left to pay for {{fmt.plural(order@N.count, 'item')}}</view>
          <view class="status-steps">
            <view wx:for="{{order@N.steps}}" wx:for-item="step" wx:key="time" class="step {{index <= order@N.stepIndex ? 'step-done' : ''}}">
              <text class="step-time">{{step.time}}</text>
              <text class="step-desc">{{step.desc}}</text>
            </view>
          </view>
        </view>
        """, "order@N");

    private string Form(int n) => Fill(n, """
        <form bindsubmit="onSubmit" bindreset="onReset" data-form="@N">
          <view class="field">
            <text class="label">@T</text>
            <input name="name" value="{{form@N.name}}" placeholder="@W name" maxlength="{{32}}" bindinput="onInput" data-field="name"/>
          </view>
          <view class="field">
            <text class="label">Phone</text>
            <input name="phone" type="number" value="{{form@N.phone}}" placeholder-class="ph" bindinput="onInput" data-field="phone"/>
          </view>
          <picker mode="selector" range="{{cities}}" value="{{form@N.city}}" bindchange="onCity">
            <view class="picker">{{cities[form@N.city] || '@T'}}</view>
          </picker>
          <checkbox-group bindchange="onSelect">
            <label wx:for="{{form@N.options}}" wx:key="value" class="check">
              <checkbox value="{{item.value}}" checked="{{item.checked}}"/>{{item.name}}
            </label>
          </checkbox-group>
          <switch checked="{{form@N.agree}}" bindchange="onAgree"/>
          <button form-type="submit" type="primary" disabled="{{!form@N.agree || submitting}}" loading="{{submitting}}">@T</button>
          <button form-type="reset" plain>Reset</button>
        </form>
        """, "form@N");

    private string Swiper(int n) => Fill(n, """
        <swiper class="banner" indicator-dots="{{banners@N.length > 1}}" autoplay="{{autoplay}}" interval="{{3000}}" circular>
          <swiper-item wx:for="{{banners@N}}" wx:key="id" bindtap="onBanner" data-url="{{item.url}}">
            <image src="{{item.src}}" mode="widthFix" style="width: 100%; height: {{bannerHeight}}rpx"/>
            <text class="banner-caption" wx:if="{{item.caption}}">{{item.caption}}</text>
          </swiper-item>
        </swiper>
        <scroll-view class="chips" scroll-x="{{true}}" scroll-into-view="chip-{{activeChip}}">
          <view wx:for="{{chips@N}}" wx:key="*this" id="chip-{{index}}" class="chip {{activeChip === index ? 'chip-on' : ''}}" bindtap="onSelect" data-index="{{index}}">{{item}}</view>
        </scroll-view>
        """, "banners@N", "chips@N");

    private string Users(int n) => Fill(n, """
        <view class="users users-@N">
          <view wx:for="{{users@N}}" wx:for-item="user" wx:key="uid" class="user-row {{user.online ? 'online' : 'offline'}}">
            <template is="avatar" data="{{src: user.avatar, size: 64, vip: user.level > 2}}"/>
            <view class="user-main">
              <text class="user-name">{{user.nick || 'Anonymous'}}</text>
              <text class="user-meta">Lv.{{user.level}} · {{fmt.plural(user.posts, 'post')}} · @W since {{user.joined}}</text>
            </view>
            <button class="follow" size="mini" plain="{{user.following}}" catchtap="onFollow" data-uid="{{user.uid}}">{{user.following ? 'Following' : '@T'}}</button>
          </view>
          <view class="load-more" wx:if="{{users@N.length >= 20}}" bindtap="onLoadMore">@T</view>
        </view>
        """, "users@N");

    private string Article(int n) => Fill(n, """
        <view class="article">
          <text class="article-title" user-select>{{article@N.title}}</text>
          <view class="article-meta">
            <text>{{article@N.author}}</text>
            <text class="dot">·</text>
            <text>{{article@N.readMinutes}} min read</text>
            <text wx:if="{{article@N.views > 10000}}">{{article@N.views / 10000}}w views</text>
          </view>
          <view class="paragraph">A @W guide to the @W season: what to pack, where to stay and how to save on the way. &amp; more.</view>
          <rich-text nodes="{{article@N.html}}"/>
          <view class="tags">
            <text class="tag" wx:for="{{article@N.tags}}" wx:key="*this">#{{item}}</text>
          </view>
        </view>
        """, "article@N");

    private string Tabs(int n) => Fill(n, """
        <view class="tabs">
          <view wx:for="{{tabs@N}}" wx:key="key" class="tab {{current === index ? 'tab-active' : ''}}" bindtap="onTab" data-index="{{index}}">
            {{item.name}}<text wx:if="{{item.badge}}" class="badge">{{item.badge > 99 ? '99+' : item.badge}}</text>
          </view>
        </view>
        <block wx:if="{{current === 0}}">
          <template is="productCard" data="{{...featured@N, index: 0, compact: false}}"/>
        </block>
        <block wx:elif="{{current === 1}}">
          <view class="hint">@T</view>
        </block>
        <block wx:else>
          <template is="errorState" data="{{message: errors[current], retry: 'onRetry'}}"/>
        </block>
        """, "tabs@N");

    private string Summary(int n) => Fill(n, """
        <view class="summary">
          <view class="row"><text>Subtotal</text><text class="num">¥{{fmt.price(cart@N.subtotal)}}</text></view>
          <view class="row" wx:if="{{cart@N.discount > 0}}"><text>@T</text><text class="num minus">-¥{{fmt.price(cart@N.discount)}}</text></view>
          <view class="row"><text>Shipping</text><text class="num">{{cart@N.subtotal >= 9900 ? 'Free' : '¥' + fmt.price(cart@N.shipping)}}</text></view>
          <view class="row total"><text>Total</text><text class="num">¥{{fmt.price(cart@N.subtotal - cart@N.discount + (cart@N.subtotal >= 9900 ? 0 : cart@N.shipping))}}</text></view>
          <progress percent="{{cart@N.subtotal * 100 / 9900}}" stroke-width="4" activeColor="#07c160"/>
          <template is="priceTag" data="{{price: cart@N.subtotal, original: cart@N.original, unit: '¥'}}"/>
        </view>
        """, "cart@N");

    private string LocalTemplate(int n) => Fill(n, """
        <template name="kv@N">
          <view class="kv"><text class="k">{{label}}</text><text class="v {{strong ? 'v-strong' : ''}}">{{value}}</text></view>
        </template>
        <view class="detail">
          <template is="kv@N" data="{{label: 'Order No.', value: detail@N.no}}"/>
          <template is="kv@N" data="{{label: '@T', value: detail@N.created, strong: true}}"/>
          <template is="kv@N" wx:for="{{detail@N.extra}}" wx:key="label" data="{{label: item.label, value: item.value}}"/>
          <view wx:if="{{detail@N.note}}" class="note">Note: {{detail@N.note}}</view>
          <view wx:else class="note note-empty">@T</view>
        </view>
        """, "detail@N");

    /// <summary>Replaces <c>@N</c> with the section number and each <c>@W</c>/<c>@T</c> with a fresh word/phrase.</summary>
    private string Fill(int n, string template, params string[] dataKeys)
    {
        foreach (var key in dataKeys)
        {
            _dataKeys.Add(key.Replace("@N", n.ToString()));
        }
        return Placeholder().Replace(template, m => m.Value switch
        {
            "@N" => n.ToString(),
            "@W" => s_words[_random.Next(s_words.Length)],
            _ => s_phrases[_random.Next(s_phrases.Length)],
        }) + "\n";
    }

    private static string Indent(string block) =>
        string.Concat(block.Split('\n').Select(line => line.Length == 0 ? "" : "  " + line + "\n"));

    [GeneratedRegex("@[NWT]")]
    private static partial Regex Placeholder();
}
