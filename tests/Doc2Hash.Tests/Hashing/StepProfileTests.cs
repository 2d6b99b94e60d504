using Doc2Hash.Hashing;

namespace Doc2Hash.Tests.Hashing;

public class StepProfileTests
{
    [Fact]
    public void Phases_are_summed_per_step_and_the_rest_is_other()
    {
        using var profile = StepProfile.Start();
        StepProfile.BeginStep();
        using (StepProfile.Time("a")) Thread.Sleep(20);
        using (StepProfile.Time("a")) Thread.Sleep(20);
        Thread.Sleep(20);
        StepProfile.EndStep();
        var step = Assert.Single(profile.Steps);
        Assert.InRange(step["a"], 38, 400);
        Assert.InRange(step[StepProfile.Other], 18, 400);
    }

    [Fact]
    public void Phases_outside_a_step_do_not_leak_into_the_next_and_nothing_records_without_a_profile()
    {
        using (StepProfile.Time("ignored")) Thread.Sleep(1);   // no recording: a no-op
        using var profile = StepProfile.Start();
        using (StepProfile.Time("evaluation")) Thread.Sleep(5);   // between steps (evaluation encodes with the same layers)
        StepProfile.BeginStep();
        StepProfile.EndStep();
        Assert.Equal([StepProfile.Other], Assert.Single(profile.Steps).Keys);
    }
}
