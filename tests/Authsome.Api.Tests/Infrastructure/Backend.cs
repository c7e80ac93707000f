namespace Authsome.Api.Tests.Infrastructure;

/// <summary>The store the API under test runs on.</summary>
public enum Backend
{
    Memory,
    Postgres,
    Sqlite,
    Mongo,
}
