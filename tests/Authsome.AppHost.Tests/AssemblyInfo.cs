// Each test class here starts a whole AppHost (DCP, PostgreSQL, two projects, maybe the dashboard); one at a time
// keeps a two-core CI machine from timing them out.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
