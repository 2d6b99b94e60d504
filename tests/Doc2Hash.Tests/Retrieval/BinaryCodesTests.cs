using Doc2Hash.Retrieval;

namespace Doc2Hash.Tests.Retrieval;

public class BinaryCodesTests
{
    [Fact]
    public void A_code_prints_bit_0_first_and_round_trips_through_the_test_parser()
    {
        // 70 bits: the second word holds bits 64-69.
        string longCode = "1" + new string('0', 62) + "1" + "011001";
        var codes = TestCodes.Parse("0110", "1000");
        Assert.Equal("0110", codes.ToBitString(0));
        Assert.Equal("1000", codes.ToBitString(1));
        Assert.Equal(longCode, TestCodes.Parse(longCode).ToBitString(0));
        Assert.Equal("0001", new BinaryCodes(1, 4, [8UL]).ToBitString(0));   // word value 8 = bit 3
    }

    [Fact]
    public void A_code_outside_the_set_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TestCodes.Parse("01").ToBitString(1));
    }
}
