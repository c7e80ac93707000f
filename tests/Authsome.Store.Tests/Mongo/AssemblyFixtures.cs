using Authsome.Store.Tests.Mongo;

[assembly: AssemblyFixture(typeof(MongoDatabaseCleanup))]
