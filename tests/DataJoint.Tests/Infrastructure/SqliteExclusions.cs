namespace DataJoint.Tests.Infrastructure;

/// <summary>
/// The tests of the backend fixtures that do not run on <see cref="Backend.Sqlite"/>, each with its reason: behaviour only
/// a server has (sessions to kill, users and ports, the server's catalog), or — "not done" — a difference the SQLite
/// adapter does not yet bridge. <see cref="BackendTest"/> ignores them on SQLite with the reason; nowhere else.
/// </summary>
internal static class SqliteExclusions
{
    /// <summary>Fixture class name and test method name → why the test does not run on SQLite.</summary>
    public static readonly IReadOnlyDictionary<string, string> Reasons = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AlterTests.SafeModeShowsTheStatementsAndARefusalChangesNothing"] = "Alter changes a column type in place; SQLite has no ALTER COLUMN (the adapter throws NotSupportedException naming Backend.Sqlite)",
        ["AlterTests.TypeDefaultCommentAddAndTableCommentChangesKeepTheData"] = "Alter changes a column type in place; SQLite has no ALTER COLUMN (the adapter throws NotSupportedException naming Backend.Sqlite)",
        ["AlterCodecTests.ACodecIsChangedOnAnEmptyTable"] = "Alter changes a column type in place; SQLite has no ALTER COLUMN (the adapter throws NotSupportedException naming Backend.Sqlite)",
        ["AsyncBindingTests.OpenSchemaAndTableAsyncDeclareWhatTheSyncFormsDeclare"] = "connects with host, user, password and port (or a server sample/host); SQLite opens a file",
        ["ConnectionFailureTests.ConstructingAnInstanceSendsNothingTheFirstOperationReportsTheServer"] = "connects with host, user, password and port (or a server sample/host); SQLite opens a file",
        ["ConnectionFailureTests.UnreachableServerFailsFastNamingHostAndPort"] = "connects with host, user, password and port (or a server sample/host); SQLite opens a file",
        ["ConnectionFailureTests.WrongPasswordIsAnAccessErrorNamingTheServer"] = "connects with host, user, password and port (or a server sample/host); SQLite opens a file",
        ["ErrorStackTests.TheColumnIsDeclaredAsDataJointPythonDeclaresIt"] = "checks the server's own catalog or DDL with hand-written SQL",
        ["ExistingTableTests.ATableDeclaredTheDataJointPythonWayIsReadableThroughFreeTable"] = "checks the server's own catalog or DDL with hand-written SQL",
        ["InterpolatedRestrictionTests.NulIsBoundOnMySqlAndRefusedByPostgreSql"] = "expects the MySQL or the PostgreSQL behaviour for U+0000; SQLite stores it, as MySQL does, but the test's expectation names only the two servers",
        ["JsonPathRestrictionTests.JsonPathIndexItemsBecomeExpressionIndexes"] = "checks the server's own catalog or DDL with hand-written SQL",
        ["KilledSessionTests.KilledDuringACascadeDeleteThrowsLostConnectionAndDeletesNothing"] = "kills the server session under the operation; an embedded database has no server session to kill",
        ["KilledSessionTests.KilledDuringAMultiStatementInsertOrBulkLoadThrowsLostConnectionAndWritesNothing"] = "kills the server session under the operation; an embedded database has no server session to kill",
        ["KilledSessionTests.KilledInsideAUsersTransactionThenCommitAsyncThrowsLostConnectionAndDisposeAsyncIsQuiet"] = "kills the server session under the operation; an embedded database has no server session to kill",
        ["KilledSessionTests.KilledInsideAUsersTransactionThrowsLostConnectionOnTheNextStatementAndDisposeIsQuiet"] = "kills the server session under the operation; an embedded database has no server session to kill",
        ["KilledSessionTests.KilledInsideMakeIsReportedPerKeyThenTheKeyIsMadeByTheNextPopulate"] = "kills the server session under the operation; an embedded database has no server session to kill",
        ["KilledSessionTests.KilledInsideMakeWithoutSuppressErrorsThrowsLostConnection"] = "kills the server session under the operation; an embedded database has no server session to kill",
        ["KilledSessionTests.KilledWhileStreamingThrowsLostConnectionMidWay"] = "kills the server session under the operation; an embedded database has no server session to kill",
        ["NoIoTests.ConstructorsAndGettersSendNothingToAnUnreachableServer"] = "connects with host, user, password and port (or a server sample/host); SQLite opens a file",
        ["PartIntegrityTests.DroppingTheLastTableOfAnEnumValueSetDropsItsPostgreSqlTypeAndNotBefore"] = "checks the server's own catalog or DDL with hand-written SQL",
        ["PopulateMoreTests.HiddenJobMetadataColumnsAreDeclaredWhenConfiguredAndFilled"] = "checks the server's own catalog or DDL with hand-written SQL",
        ["PythonWorkerProtocolTests.ErrorsRecordedByPythonAreSeenByDotNetAndIgnoredJobsAreLeftAlone"] = "drives the job table with DataJoint-Python's server SQL; DataJoint-Python has no SQLite backend",
        ["PythonWorkerProtocolTests.JobsQueuedByPythonAreReservedByDotNetAndJobsHeldByPythonAreSkipped"] = "drives the job table with DataJoint-Python's server SQL; DataJoint-Python has no SQLite backend",
        ["PythonWorkerProtocolTests.TheJobTableHasTheColumnsDataJointPythonDeclares"] = "checks the server's own catalog or DDL with hand-written SQL",
        ["ReconnectTests.InsideATransactionALostConnectionIsNeverRetried"] = "kills the server session under the operation; an embedded database has no server session to kill",
        ["ReconnectTests.WithReconnectTheNextOperationsAfterKilledIdleConnectionsSucceed"] = "kills the server session under the operation; an embedded database has no server session to kill",
        ["ReconnectTests.WithoutReconnectAKilledIdleConnectionIsALostConnectionException"] = "kills the server session under the operation; an embedded database has no server session to kill",
        ["SecretsOnTheWireTests.ARefusedPasswordAppearsNowhere"] = "connects with host, user, password and port (or a server sample/host); SQLite opens a file",
        ["SessionStateTests.EveryPooledConnectionRefusesTruncationAsStrictModeDoes"] = "checks MySQL's strict sql_mode with hand-written DDL (a varchar without DataJoint's CHECK); SQLite does not truncate",
        ["StoredCodecTests.ColumnsAreDeclaredAsDataJointDeclaresThem"] = "checks the server's own catalog or DDL with hand-written SQL",
        ["TelemetryTests.EachOperationIsOneSpanWithTheDatabaseTagsAndItsRowCount"] = "expects the telemetry system name of a server (mysql/postgresql); SQLite reports sqlite",
        ["TelemetryTests.PopulateTracesEachKeyAndItsReservationAndCountsOutcomes"] = "expects the telemetry system name of a server (mysql/postgresql); SQLite reports sqlite",
        ["ThreadSafeModeTests.TheGlobalPatternWorksWhenThreadSafeModeIsOff"] = "connects with host, user, password and port (or a server sample/host); SQLite opens a file",
        ["WebApiTests.AddsSubjectsPerTenantAndAnswersItsHealthCheck"] = "connects with host, user, password and port (or a server sample/host); SQLite opens a file",
        ["WebApiTests.AnUnreachableTenantMakesTheHealthCheckUnhealthy"] = "connects with host, user, password and port (or a server sample/host); SQLite opens a file",
        ["WebApiTests.ServesEachTenantsSubjectsAsJson"] = "connects with host, user, password and port (or a server sample/host); SQLite opens a file",
        ["CommandTests.AServerThatCannotBeReachedOrRefusesIsOneLineAndExitCodeThree"] = "the dj tool's server connection settings (host, port, user, password) and their errors; an SQLite file has none (the other dj commands run on SQLite with --database)",
        ["CommandTests.BadCommandLinesExitWithTwoAndSayWhatIsWrong"] = "its bad --backend is overridden by the SQLite fixture's own --backend (the other cases are backend-independent and run on the servers)",
        ["ProcessTests.ReadsTheConnectionFromTheEnvironment"] = "the dj tool's server connection settings (host, port, user, password) and their errors; an SQLite file has none (the other dj commands run on SQLite with --database)",
        ["ProcessTests.ReadsTheConnectionFromDatajointJsonAndSecrets"] = "the dj tool's server connection settings (host, port, user, password) and their errors; an SQLite file has none (the other dj commands run on SQLite with --database)",
        ["ScaffoldCommandTests.ScaffoldsASchemaPythonDeclaredIntoFilesThatCompileBindAndFetchWhatPythonInserted"] = "DataJoint-Python declares the schema, and DataJoint-Python has no SQLite backend",
        ["ScaffoldCommandTests.AParentInAnotherSchemaIsReferencedThroughThatSchemasDefaultNamespace"] = "DataJoint-Python declares the schema, and DataJoint-Python has no SQLite backend",
        ["CustomCodecTests.ColumnsAreDeclaredFromTheEndOfEachChain"] = "checks the server's own catalog or DDL with hand-written SQL",
        ["RoundTripTests.DeletingAWholeTableDeletesItsDescendantsWithoutConditions"] = "counts statements from the driver's own trace activities, which Microsoft.Data.Sqlite does not emit",
        ["RoundTripTests.PopulateSendsAFixedNumberOfStatementsPerKeyOnOneConnection"] = "counts statements from the driver's own trace activities, which Microsoft.Data.Sqlite does not emit",
        ["RoundTripTests.AnInsertOfOneRowIsOneStatement"] = "counts statements from the driver's own trace activities, which Microsoft.Data.Sqlite does not emit",
        ["RoundTripTests.FetchesSendOneStatementOnOneConnection"] = "counts statements from the driver's own trace activities, which Microsoft.Data.Sqlite does not emit",
    };

    /// <summary>The reason the current test does not run on SQLite, or null.</summary>
    public static string? For(TestContext.TestAdapter test) =>
        test.ClassName is { } className && Reasons.TryGetValue($"{className[(className.LastIndexOf('.') + 1)..]}.{test.MethodName}", out var why) ? why : null;
}
