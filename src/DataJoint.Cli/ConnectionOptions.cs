using System.CommandLine;
using System.Globalization;

namespace DataJoint.Cli;

/// <summary>
/// The connection options every command takes. Settings come from the runtime's own sources (<see cref="Config.Load"/>:
/// defaults, <c>.secrets/</c>, <c>datajoint.json</c>, <c>DJ_*</c> variables, docs/configuration.md), then these options on top.
/// </summary>
internal sealed class ConnectionOptions
{
    public Option<string?> Host { get; } = new("--host") { Description = "Server host; default: DJ_HOST, datajoint.json, localhost.", Recursive = true };

    public Option<int?> Port { get; } = new("--port") { Description = "Server port; default: DJ_PORT, datajoint.json, the backend's default.", Recursive = true };

    public Option<string?> User { get; } = new("--user", "-u") { Description = "Database user; default: DJ_USER, .secrets/database.user, datajoint.json.", Recursive = true };

    public Option<string?> Password { get; } = new("--password", "-p")
    {
        Description = "Password; default: DJ_PASS, .secrets/database.password, datajoint.json (prefer those: a command line is visible to others).",
        Recursive = true,
    };

    public Option<string?> Backend { get; } = new("--backend") { Description = "mysql, postgresql or sqlite; default: DJ_BACKEND, datajoint.json, mysql.", Recursive = true };

    public Option<string?> Database { get; } = new("--database")
    {
        Description = "sqlite: the database file; default: DJ_DATABASE_NAME, datajoint.json.", Recursive = true,
    };

    public Option<bool?> UseTls { get; } = new("--use-tls") { Description = "true: require TLS, false: disable it; default: prefer.", Recursive = true };

    public IEnumerable<Option> All => [Host, Port, User, Password, Backend, Database, UseTls];

    /// <summary>The settings for this command line: the runtime's sources, then the options given.</summary>
    /// <exception cref="CliException">A setting is invalid, or no user is configured.</exception>
    public Config Load(ParseResult parse)
    {
        Config config;
        try
        {
            config = Config.Load();
            if (parse.GetValue(Backend) is { } backend)
            {
                config.SetText("database.backend", backend, "--backend");
                config.Database.Port = null; // as Instance does: a backend without a port takes that backend's default port
            }

            if (parse.GetValue(Host) is { } host) config.Database.Host = host;
            if (parse.GetValue(Port) is { } port) config.SetText("database.port", port.ToString(CultureInfo.InvariantCulture), "--port");
            if (parse.GetValue(User) is { } user) config.Database.User = user;
            if (parse.GetValue(Password) is { } password) config.Database.Password = password;
            if (parse.GetValue(UseTls) is { } useTls) config.Database.UseTls = useTls;
            if (parse.GetValue(Database) is { } database) config.Database.Name = database;
        }
        catch (ConfigurationException ex)
        {
            throw new CliException(ex.Message, ExitCodes.Connection);
        }

        // An embedded database is a file: no server, no user.
        if (config.Database.Backend == DataJoint.Backend.Sqlite)
        {
            if (string.IsNullOrEmpty(config.Database.Name))
            {
                throw new CliException($"No database file for {config.Database.Backend}: pass --database, set DJ_DATABASE_NAME, or put database.name in "
                    + "datajoint.json.", ExitCodes.Connection);
            }

            return config;
        }

        if (string.IsNullOrEmpty(config.Database.User))
        {
            throw new CliException($"No database user for {config.Database.Host}: pass --user, set DJ_USER, or put database.user in datajoint.json "
                + "or .secrets/database.user.", ExitCodes.Connection);
        }

        return config;
    }
}
