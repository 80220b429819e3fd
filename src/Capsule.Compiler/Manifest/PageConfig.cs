using System.Text.Json;
using System.Text.Json.Nodes;
using Capsule.Compiler.Diagnostics;

namespace Capsule.Compiler.Manifest;

/// <summary>A page's or component's .json file: a JSON object of settings.</summary>
public static class PageConfig
{
    private static readonly JsonDocumentOptions s_options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads the object; reports and returns null when the file is not a JSON object.</summary>
    public static JsonObject? Read(SourceFile file, DiagnosticBag diagnostics)
    {
        if (string.IsNullOrWhiteSpace(file.Text))
        {
            return [];
        }
        try
        {
            if (JsonNode.Parse(file.Text, documentOptions: s_options) is JsonObject config)
            {
                return config;
            }
            diagnostics.Error(file, new SourceSpan(0, 1), $"{file.Path} must be a JSON object");
        }
        catch (JsonException error)
        {
            var (line, column) = ((int)(error.LineNumber ?? 0), (int)(error.BytePositionInLine ?? 0));
            diagnostics.Error(file, new SourceSpan(JsonPosition.Offset(file, line, column), 1), $"{file.Path} is not valid JSON: {JsonPosition.FirstSentence(error.Message)}");
        }
        return null;
    }
}
