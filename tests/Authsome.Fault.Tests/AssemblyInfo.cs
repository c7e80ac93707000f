// The fault tests stop databases and kill processes; one at a time keeps the two cores free for the processes under test.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
