namespace Doc2Hash.Reporting.Statistics;

/// <summary>
/// The two special functions the t-distribution needs: log Γ and the regularized incomplete beta function.
/// </summary>
public static class SpecialFunctions
{
    /// <summary>
    /// ln Γ(x) for x &gt; 0: shifted up to x ≥ 15 with Γ(x + 1) = x Γ(x), then Stirling's series
    /// (x - 1/2) ln x - x + ln(2π)/2 + 1/(12x) - 1/(360x³) + 1/(1260x⁵) - 1/(1680x⁷) + 1/(1188x⁹), whose first omitted
    /// term, 691/(360360x¹¹), is below 3e-16 at x = 15.
    /// </summary>
    public static double LogGamma(double x)
    {
        if (!(x > 0) || double.IsInfinity(x)) throw new ArgumentOutOfRangeException(nameof(x), x, "ln Γ(x) is computed for finite x > 0 only.");
        double shift = 0;
        while (x < 15)
        {
            shift += Math.Log(x);
            x += 1;
        }
        double inverse = 1 / x, inverse2 = inverse * inverse;
        double series = inverse * (1.0 / 12 - inverse2 * (1.0 / 360 - inverse2 * (1.0 / 1260 - inverse2 * (1.0 / 1680 - inverse2 / 1188))));
        return (x - 0.5) * Math.Log(x) - x + 0.5 * Math.Log(2 * Math.PI) + series - shift;
    }

    /// <summary>
    /// I_x(a, b) = B(x; a, b) / B(a, b) for a, b &gt; 0 and 0 ≤ x ≤ 1, from the continued fraction of B(x; a, b)
    /// (Abramowitz and Stegun 26.5.8) evaluated with the modified Lentz method; where the fraction converges slowly
    /// (x above (a + 1) / (a + b + 2)) the symmetry I_x(a, b) = 1 - I_{1-x}(b, a) is used instead.
    /// </summary>
    public static double RegularizedIncompleteBeta(double a, double b, double x)
    {
        if (!(a > 0) || !(b > 0) || double.IsInfinity(a) || double.IsInfinity(b))
            throw new ArgumentOutOfRangeException(a > 0 && double.IsFinite(a) ? nameof(b) : nameof(a), "The incomplete beta function needs finite a > 0 and b > 0.");
        if (!(x >= 0 && x <= 1)) throw new ArgumentOutOfRangeException(nameof(x), x, "The incomplete beta function is defined for 0 <= x <= 1.");
        if (x == 0) return 0;
        if (x == 1) return 1;
        double front = Math.Exp(LogGamma(a + b) - LogGamma(a) - LogGamma(b) + a * Math.Log(x) + b * Math.Log(1 - x));
        return x < (a + 1) / (a + b + 2)
            ? front * ContinuedFraction(a, b, x) / a
            : 1 - front * ContinuedFraction(b, a, 1 - x) / b;
    }

    // 1 / (1 + d1 / (1 + d2 / (1 + ...))) with d_{2m+1} = -(a+m)(a+b+m)x / ((a+2m)(a+2m+1)) and
    // d_{2m} = m(b-m)x / ((a+2m-1)(a+2m)), by the modified Lentz method.
    private static double ContinuedFraction(double a, double b, double x)
    {
        const double Tiny = 1e-300, Epsilon = 1e-15;
        const int MaxTerms = 10_000;
        double c = 1, d = 1 - (a + b) * x / (a + 1);
        d = 1 / (Math.Abs(d) < Tiny ? Tiny : d);
        double result = d;
        for (int m = 1; m <= MaxTerms; m++)
        {
            int m2 = 2 * m;
            double even = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 + even * d; d = 1 / (Math.Abs(d) < Tiny ? Tiny : d);
            c = 1 + even / c; if (Math.Abs(c) < Tiny) c = Tiny;
            result *= d * c;
            double odd = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 + odd * d; d = 1 / (Math.Abs(d) < Tiny ? Tiny : d);
            c = 1 + odd / c; if (Math.Abs(c) < Tiny) c = Tiny;
            double step = d * c;
            result *= step;
            if (Math.Abs(step - 1) < Epsilon) return result;
        }
        throw new InvalidOperationException($"The incomplete beta continued fraction did not converge for a = {a}, b = {b}, x = {x}.");
    }

    /// <summary>
    /// Two-sided tail probability P(|T| ≥ |t|) of Student's t-distribution with <paramref name="degreesOfFreedom"/>
    /// (any real ν &gt; 0): I_{ν/(ν+t²)}(ν/2, 1/2).
    /// </summary>
    public static double StudentTTwoSided(double t, double degreesOfFreedom)
    {
        if (double.IsNaN(t)) throw new ArgumentOutOfRangeException(nameof(t), t, "The t statistic is NaN.");
        if (!(degreesOfFreedom > 0) || double.IsInfinity(degreesOfFreedom))
            throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), degreesOfFreedom, "Student's t needs finite degrees of freedom > 0.");
        if (double.IsInfinity(t)) return 0;
        return RegularizedIncompleteBeta(degreesOfFreedom / 2, 0.5, degreesOfFreedom / (degreesOfFreedom + t * t));
    }
}
