namespace DataJoint;

/// <summary>The databases DataJoint runs on: two servers and one embedded engine.</summary>
public enum Backend
{
    /// <summary>MySQL 8 or MariaDB (default port 3306).</summary>
    MySql,

    /// <summary>PostgreSQL 15 or newer (default port 5432).</summary>
    PostgreSql,

    /// <summary>SQLite, embedded: a database file (or <c>:memory:</c>) on this machine, no server (docs/backends.md).</summary>
    Sqlite,
}
