namespace LogGuard.Core.Detection.Masking;

/// <summary>
/// Tells a payment card number from any other long digit run: 13 to 19 digits, a card network's prefix, and the
/// Luhn checksum, which a random run passes only one time in ten.
/// </summary>
internal static class PaymentCard
{
    public static bool IsCardNumber(ReadOnlySpan<char> text)
    {
        Span<int> digits = stackalloc int[19];
        var count = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                if (count == digits.Length)
                {
                    return false;
                }

                digits[count++] = c - '0';
            }
        }

        return count >= 13 && HasNetworkPrefix(digits[..count]) && PassesLuhn(digits[..count]);
    }

    // Visa, Mastercard, American Express, Discover, JCB, Diners Club, UnionPay, Maestro.
    private static bool HasNetworkPrefix(ReadOnlySpan<int> digits)
    {
        var two = (digits[0] * 10) + digits[1];
        var four = (two * 100) + (digits[2] * 10) + digits[3];
        return digits[0] == 4
            || two is >= 51 and <= 55 or 34 or 37 or 35 or 36 or 38 or 62 or 65 or 50 or >= 56 and <= 58
            || four is >= 2221 and <= 2720 or 6011 or >= 6440 and <= 6499 or >= 3000 and <= 3059 or 6304 or 6759 or 6761 or 6762 or 6763;
    }

    private static bool PassesLuhn(ReadOnlySpan<int> digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i];
            if (i % 2 == 1)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        return sum % 10 == 0;
    }
}
