namespace MLflow.Tracking.Generators.Emitting;

/// <summary>
/// The names of the locals (and helper parameter) in one generated method. They all start with the model's
/// <c>LocalPrefix</c>, which has more leading underscores than any of the method's parameters, so none can collide.
/// </summary>
internal sealed class LocalNames
{
    private readonly string _prefix;

    public LocalNames(string prefix)
    {
        _prefix = prefix;
        Tracker = prefix + "tracker";
        Run = prefix + "run";
        Result = prefix + "result";
        Exception = prefix + "ex";
        Value = prefix + "value";
    }

    public string Tracker { get; }

    public string Run { get; }

    public string Result { get; }

    public string Exception { get; }

    /// <summary>The non-null result whose members are logged as metrics.</summary>
    public string Value { get; }

    /// <summary>A non-null object param, numbered.</summary>
    public string Param(int index) => _prefix + "p" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A non-null nullable metric, numbered.</summary>
    public string Metric(int index) => _prefix + "m" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
