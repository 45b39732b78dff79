namespace DataJoint;

/// <summary>The database servers DataJoint runs on.</summary>
public enum Backend
{
    /// <summary>MySQL 8 or MariaDB (default port 3306).</summary>
    MySql,

    /// <summary>PostgreSQL 15 or newer (default port 5432).</summary>
    PostgreSql,
}
