using System.Text.Json;

namespace DataJoint;

/// <summary>
/// Builds a <see cref="Config"/> from DataJoint's sources (docs/semantics.md#configuration-sources). Effective precedence, lowest
/// first: defaults, secrets (<c>.secrets/</c> beside the config file, else <c>/run/secrets/datajoint</c>),
/// <c>datajoint.json</c> (searched upward from the working directory, stopping at a <c>.git</c>/<c>.hg</c>
/// folder), <c>DJ_*</c> environment variables; runtime assignments and overrides come after.
/// </summary>
internal sealed class ConfigLoader(Func<string, string?> environment, string startDirectory, string systemSecretsDirectory)
{
    public const string FileName = "datajoint.json";

    public static ConfigLoader ForProcess() => new(System.Environment.GetEnvironmentVariable, Directory.GetCurrentDirectory(), "/run/secrets/datajoint");

    public Config Load()
    {
        var config = new Config();
        var ignoreFiles = environment("DJ_IGNORE_CONFIG_FILE") is { } ignore
            && (Setting.ParseBool(ignore) ?? throw new ConfigurationException($"Environment variable DJ_IGNORE_CONFIG_FILE='{ignore}' is not a boolean."));
        if (!ignoreFiles)
        {
            var file = FindConfigFile();
            var secrets = file is not null ? Path.Combine(Path.GetDirectoryName(file)!, ".secrets") : systemSecretsDirectory;
            ApplySecrets(config, secrets);
            if (file is not null)
            {
                ApplyFile(config, file);
                config.SourceFile = file;
            }
        }

        ApplyEnvironment(config);
        return config;
    }

    private string? FindConfigFile()
    {
        for (var dir = new DirectoryInfo(startDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, FileName);
            if (File.Exists(candidate)) return candidate;
            if (Directory.Exists(Path.Combine(dir.FullName, ".git")) || Directory.Exists(Path.Combine(dir.FullName, ".hg"))) return null;
        }

        return null;
    }

    private static void ApplySecrets(Config config, string directory)
    {
        if (!Directory.Exists(directory)) return;
        foreach (var path in Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal))
        {
            var key = Path.GetFileName(path);
            if (key.StartsWith('.')) continue;
            string text;
            try
            {
                text = File.ReadAllText(path).Trim();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new ConfigurationException($"The secrets file {path} cannot be read: {ex.Message}", ex);
            }

            if (key is "database.user" or "database.password")
            {
                Settings.Find(key).SetText(config, text, $"The secrets file {path}");
            }
            else if (key.StartsWith("stores.", StringComparison.Ordinal))
            {
                config.Set(key, text);
            }
        }
    }

    private static void ApplyFile(Config config, string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException($"The config file {path} cannot be read: {ex.Message}", ex);
        }
        catch (JsonException ex)
        {
            throw new ConfigurationException($"The config file {path} is not valid JSON (line {ex.LineNumber + 1}): {ex.Message}", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ConfigurationException($"The config file {path} must hold a JSON object of settings.");
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name == "stores")
                {
                    config.ReplaceStores(StoresFrom(property.Value, $"The config file {path}"));
                }
                else if (property.Value.ValueKind == JsonValueKind.Object && !property.Name.Contains('.', StringComparison.Ordinal))
                {
                    foreach (var nested in property.Value.EnumerateObject()) Apply(config, property.Name + "." + nested.Name, nested.Value, path);
                }
                else
                {
                    Apply(config, property.Name, property.Value, path);
                }
            }
        }
    }

    private static void Apply(Config config, string key, JsonElement value, string path)
    {
        if (key.StartsWith("stores.", StringComparison.Ordinal))
        {
            config.Set(key, JsonValue(value));
            return;
        }

        if (Settings.PythonOnly.TryGetValue(key, out var neutral))
        {
            if (Equals(JsonValue(value), neutral)) return;
            throw new ConfigurationException($"The config file {path} sets '{key}', a DataJoint-Python setting this port does not have "
                + $"(only its default, {(neutral is null ? "null" : $"\"{neutral}\"")}, is accepted). Remove it from the file.");
        }

        Setting setting;
        try
        {
            setting = Settings.Find(key);
        }
        catch (ArgumentException)
        {
            throw new ConfigurationException($"The config file {path} has the unknown setting '{key}'.");
        }

        try
        {
            setting.Set(config, JsonValue(value));
        }
        catch (ArgumentException ex)
        {
            throw new ConfigurationException($"The config file {path}: {ex.Message}", ex);
        }
    }

    private static object? JsonValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null => null,
        JsonValueKind.Number when value.TryGetInt32(out var i) => i,
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.Object => value.EnumerateObject().ToDictionary(p => p.Name, p => JsonValue(p.Value), StringComparer.Ordinal),
        _ => value.GetRawText(),
    };

    private static Dictionary<string, object?> StoresFrom(JsonElement element, string source) =>
        element.ValueKind == JsonValueKind.Object
            ? element.EnumerateObject().ToDictionary(p => p.Name, p => JsonValue(p.Value), StringComparer.Ordinal)
            : throw new ConfigurationException($"{source}: 'stores' must be a JSON object of store specifications.");

    private void ApplyEnvironment(Config config)
    {
        foreach (var (variable, key) in Settings.Environment)
        {
            if (environment(variable) is not { } text) continue;
            Settings.Find(key).SetText(config, text, $"Environment variable {variable}");
        }

        if (environment("DJ_STORES") is { } stores)
        {
            try
            {
                using var document = JsonDocument.Parse(stores);
                config.ReplaceStores(StoresFrom(document.RootElement, "Environment variable DJ_STORES"));
            }
            catch (JsonException ex)
            {
                throw new ConfigurationException($"Environment variable DJ_STORES is not a JSON object: {ex.Message}", ex);
            }
        }
    }
}
