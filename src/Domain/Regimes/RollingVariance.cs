namespace ActorArb.Domain.Regimes;

/// <summary>
/// The mean and sample variance of the last <c>capacity</c> values in O(1) per value: a ring buffer with the
/// sliding-window form of Welford's update. Rounding drift from the add/remove updates is removed by recomputing
/// exactly (two passes over the ring) once per lap, which keeps the cost O(1) amortised.
/// </summary>
internal sealed class RollingVariance
{
    private readonly double[] _values;
    private int _count;
    private int _next;
    private double _mean;
    private double _m2;

    public RollingVariance(int capacity) => _values = new double[capacity];

    public bool IsFull => _count == _values.Length;

    public double SampleVariance => _count > 1 ? _m2 / (_count - 1) : 0;

    public void Add(double value)
    {
        if (_count < _values.Length)
        {
            _count++;
            var delta = value - _mean;
            _mean += delta / _count;
            _m2 += delta * (value - _mean);
        }
        else
        {
            var leaving = _values[_next];
            var oldMean = _mean;
            _mean += (value - leaving) / _count;
            _m2 += (value - leaving) * (value - _mean + leaving - oldMean);
        }

        _values[_next] = value;
        _next = _next + 1 == _values.Length ? 0 : _next + 1;
        if (_next == 0)
        {
            Recompute();
        }
        else if (_m2 < 0)
        {
            _m2 = 0;
        }
    }

    private void Recompute()
    {
        var sum = 0.0;
        for (var i = 0; i < _count; i++)
        {
            sum += _values[i];
        }

        var mean = sum / _count;
        var m2 = 0.0;
        for (var i = 0; i < _count; i++)
        {
            var d = _values[i] - mean;
            m2 += d * d;
        }

        _mean = mean;
        _m2 = m2;
    }
}
