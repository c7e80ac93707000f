using MongoDB.Driver;

namespace Authsome.Api.Tests.Infrastructure;

/// <summary>
/// The MongoDB server for the Mongo tests, from <c>AUTHSOME_TEST_MONGO</c> (CI starts the mongo-compat kit and sets
/// it). Without it those tests are skipped, unless <c>AUTHSOME_TEST_MONGO_REQUIRED=1</c>, where they fail.
/// </summary>
internal static class MongoTestServer
{
    public static string NewDatabaseUrl()
    {
        var url = Environment.GetEnvironmentVariable("AUTHSOME_TEST_MONGO");
        if (string.IsNullOrEmpty(url))
        {
            if (Environment.GetEnvironmentVariable("AUTHSOME_TEST_MONGO_REQUIRED") == "1")
            {
                throw new InvalidOperationException("AUTHSOME_TEST_MONGO_REQUIRED is set but AUTHSOME_TEST_MONGO is not.");
            }

            Assert.Skip("AUTHSOME_TEST_MONGO is not set: no MongoDB server to test against.");
        }

        return new MongoUrlBuilder(url) { DatabaseName = $"api_tests_{Guid.NewGuid():N}" }.ToString();
    }
}
