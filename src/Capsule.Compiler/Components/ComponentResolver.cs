using System.Text.Json.Nodes;
using Capsule.Compiler.Diagnostics;
using Capsule.Compiler.Manifest;
using Capsule.Compiler.Projects;

namespace Capsule.Compiler.Components;

/// <summary>
/// Finds every custom component a program uses: the <c>usingComponents</c> of app.json (global), of each page's
/// .json and, transitively, of each component's .json. A path is resolved like WeChat does: <c>/x</c> from the
/// program root, <c>./x</c> and <c>../x</c> from the declaring file, a bare path from the declaring file, then
/// <c>miniprogram_npm/</c>, then the root. The default of an abstract node (<c>componentGenerics</c>) counts too.
/// </summary>
public sealed class ComponentResolver
{
    private readonly IProjectFiles _files;
    private readonly DiagnosticBag _diagnostics;
    private readonly SortedDictionary<string, JsonObject> _components = new(StringComparer.Ordinal);
    private readonly Queue<string> _pending = new();

    private ComponentResolver(IProjectFiles files, DiagnosticBag diagnostics)
    {
        _files = files;
        _diagnostics = diagnostics;
    }

    /// <summary>Every component (path without extension) with its .json settings.</summary>
    public static IReadOnlyDictionary<string, JsonObject> Resolve(IProjectFiles files, SourceFile appJson, JsonObject app,
        IReadOnlyDictionary<string, (SourceFile File, JsonObject Config)> pageConfigs, DiagnosticBag diagnostics)
    {
        var resolver = new ComponentResolver(files, diagnostics);
        resolver.Declare(appJson, app);
        resolver.DeclareCustomTabBar(appJson, app);
        foreach (var (file, config) in pageConfigs.Values)
        {
            resolver.Declare(file, config);
        }
        while (resolver._pending.TryDequeue(out var component))
        {
            var path = component + ".json";
            var file = new SourceFile(path, files.ReadText(path));
            var config = PageConfig.Read(file, diagnostics) ?? [];
            resolver._components[component] = config;
            resolver.Declare(file, config);
        }
        return resolver._components;
    }

    /// <summary>The component WeChat draws instead of the native tab bar when app.json sets <c>tabBar.custom</c>.</summary>
    public const string CustomTabBar = "custom-tab-bar/index";

    /// <summary>
    /// With <c>"tabBar": { "custom": true }</c> the program's <c>custom-tab-bar/index</c> component is used on every
    /// tab page although no page lists it in <c>usingComponents</c>; without its files that is an error.
    /// </summary>
    private void DeclareCustomTabBar(SourceFile appJson, JsonObject app)
    {
        if (app["tabBar"] is not JsonObject tabBar || tabBar["custom"] is not JsonValue custom || !custom.TryGetValue<bool>(out var on) || !on)
        {
            return;
        }
        if (Find(appJson.Path, "/" + CustomTabBar) is null)
        {
            _diagnostics.Error(appJson, AppManifest.KeySpan(appJson, "custom"), $"tabBar \"custom\": true needs the component {CustomTabBar} (.json, .wxml and .js)");
            return;
        }
        if (!_components.ContainsKey(CustomTabBar))
        {
            _components[CustomTabBar] = [];
            _pending.Enqueue(CustomTabBar);
        }
    }

    /// <summary>The components a .json names: its <c>usingComponents</c> and the defaults of its <c>componentGenerics</c>.</summary>
    private static IEnumerable<(string Name, JsonNode? Value)> Requests(JsonObject config)
    {
        if (config["usingComponents"] is JsonObject declared)
        {
            foreach (var (name, value) in declared)
            {
                yield return (name, value);
            }
        }
        if (config["componentGenerics"] is JsonObject generics)
        {
            foreach (var (name, value) in generics)
            {
                if (value is JsonObject generic && generic["default"] is { } fallback)
                {
                    yield return (name, fallback);
                }
            }
        }
    }

    private void Declare(SourceFile file, JsonObject config)
    {
        foreach (var (name, value) in Requests(config))
        {
            var request = value is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;
            if (request is null || request.StartsWith("plugin://", StringComparison.Ordinal) || request.StartsWith("plugin-private://", StringComparison.Ordinal))
            {
                _diagnostics.Warning(file, AppManifest.KeySpan(file, name), $"component <{name}>: plugin components are not available in Capsule; it renders as an empty element");
                continue;
            }
            if (Find(file.Path, request) is not { } component)
            {
                _diagnostics.Error(file, AppManifest.ValueSpan(file, request), $"component <{name}>: \"{request}\" has no .json, .wxml and .js");
                continue;
            }
            if (!_components.ContainsKey(component) && !_pending.Contains(component))
            {
                _components[component] = [];
                _pending.Enqueue(component);
            }
        }
    }

    /// <summary>The component path a <c>usingComponents</c> value names, or null when its files are missing.</summary>
    public string? Find(string declaringFile, string request)
    {
        var candidates = request.StartsWith('/') || request.StartsWith('.')
            ? [ProjectPath.Resolve(declaringFile, request, "")]
            : new[] { ProjectPath.Resolve(declaringFile, request, ""), "miniprogram_npm/" + request, request };
        foreach (var candidate in candidates.OfType<string>())
        {
            foreach (var path in new[] { candidate, candidate + "/index" })
            {
                if (_files.Exists(path + ".json") && _files.Exists(path + ".wxml") && _files.Exists(path + ".js"))
                {
                    return path;
                }
            }
        }
        return null;
    }
}
