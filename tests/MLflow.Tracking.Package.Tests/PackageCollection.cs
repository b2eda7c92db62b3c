namespace MLflow.Tracking.Package.Tests;

/// <summary>All package tests share one pack: packing is the slow part.</summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "Packed MLflow.Tracking";
}
