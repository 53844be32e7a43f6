package io.cybershield.shield.gateway.guard.redact;

import org.apache.commons.validator.routines.checkdigit.LuhnCheckDigit;
import org.iban4j.IbanUtil;

/**
 * The check-digit rules that tell a real number from a look-alike: Luhn (cards, Canadian SIN, Swedish
 * personnummer), IBAN mod-97, and the national ids' own rules. Each takes the digits alone, separators removed.
 */
public final class CheckDigits {

  private static final String DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";

  private CheckDigits() {
  }

  /** Luhn over all digits, the last being the check digit. */
  public static boolean luhn(String digits) {
    return digits.length() >= 2 && LuhnCheckDigit.LUHN_CHECK_DIGIT.isValid(digits);
  }

  /** An IBAN (no spaces, upper case) whose country, length, structure and mod-97 check are right. */
  public static boolean iban(String compact) {
    try {
      IbanUtil.validate(compact);
      return true;
    } catch (RuntimeException invalid) {
      return false;
    }
  }

  /** A card number: 13 to 19 digits, an issuer prefix in use, Luhn-valid. */
  public static boolean card(String digits) {
    int n = digits.length();
    if (n < 13 || n > 19 || !luhn(digits)) {
      return false;
    }
    int two = Integer.parseInt(digits.substring(0, 2));
    int four = Integer.parseInt(digits.substring(0, 4));
    return digits.charAt(0) == '4'                                  // Visa
        || (two >= 51 && two <= 55) || (four >= 2221 && four <= 2720) // Mastercard
        || two == 34 || two == 37                                    // American Express
        || four == 6011 || two == 65 || (four >= 6440 && four <= 6499) // Discover
        || (four >= 3528 && four <= 3589)                            // JCB
        || two == 36 || two == 38 || (four >= 3000 && four <= 3059)  // Diners
        || two == 62                                                 // UnionPay
        || two == 50 || (two >= 56 && two <= 69);                    // Maestro
  }

  /** A US SSN: area not 000, 666 or 9xx; group not 00; serial not 0000; not the numbers printed on sample cards. */
  public static boolean usSsn(String digits) {
    return usSsn(digits, false);
  }

  /** As {@link #usSsn(String)}; with {@code sample}, the numbers printed on sample cards count too. */
  public static boolean usSsn(String digits, boolean sample) {
    if (digits.length() != 9) {
      return false;
    }
    int area = Integer.parseInt(digits.substring(0, 3));
    int group = Integer.parseInt(digits.substring(3, 5));
    int serial = Integer.parseInt(digits.substring(5));
    return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0
        && (!digits.equals("078051120") && !digits.equals("219099999") || sample);
  }

  /** A Spanish DNI (8 digits and letter) or NIE (X, Y or Z, 7 digits and letter): the letter is number mod 23. */
  public static boolean esDni(String id) {
    String upper = id.toUpperCase();
    char first = upper.charAt(0);
    String number = first == 'X' ? "0" + upper.substring(1, 8)
        : first == 'Y' ? "1" + upper.substring(1, 8)
        : first == 'Z' ? "2" + upper.substring(1, 8)
        : upper.substring(0, 8);
    if (!number.chars().allMatch(Character::isDigit)) {
      return false;
    }
    return DNI_LETTERS.charAt(Integer.parseInt(number) % 23) == upper.charAt(8);
  }

  /** A Dutch BSN: 9 digits passing the 11-proof (weights 9..2, the last digit weighted -1). */
  public static boolean nlBsn(String digits) {
    if (digits.length() != 9 || digits.startsWith("00")) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      sum += (9 - i) * (digits.charAt(i) - '0');
    }
    sum -= digits.charAt(8) - '0';
    return sum % 11 == 0 && sum != 0;
  }

  /**
   * A French NIR (numéro de sécurité sociale): 13 characters, Corsica's 2A/2B read as 19/18, and a key equal to
   * 97 minus the number mod 97.
   */
  public static boolean frNir(String compact) {
    if (compact.length() != 15) {
      return false;
    }
    String body = compact.substring(0, 13).toUpperCase();
    body = body.substring(0, 5) + body.substring(5, 7).replace("2A", "19").replace("2B", "18") + body.substring(7);
    if (!body.chars().allMatch(Character::isDigit) || !compact.substring(13).chars().allMatch(Character::isDigit)) {
      return false;
    }
    int month = Integer.parseInt(body.substring(3, 5));
    if (!((month >= 1 && month <= 12) || month >= 20)) {
      return false;
    }
    long number = Long.parseLong(body);
    return 97 - (number % 97) == Integer.parseInt(compact.substring(13));
  }

  /** A Canadian SIN: 9 digits, Luhn-valid, not starting with 0 or 8. */
  public static boolean caSin(String digits) {
    return digits.length() == 9 && digits.charAt(0) != '0' && digits.charAt(0) != '8' && luhn(digits);
  }

  /**
   * A Swedish personnummer or samordningsnummer: YYMMDDNNNC (a century may precede), a real month, a day (plus 60 for
   * a samordningsnummer), and Luhn over the ten digits.
   */
  public static boolean sePersonnummer(String digits) {
    String ten = digits.length() == 12 ? digits.substring(2) : digits;
    if (ten.length() != 10) {
      return false;
    }
    if (digits.length() == 12) {
      int century = Integer.parseInt(digits.substring(0, 2));
      if (century != 18 && century != 19 && century != 20) {
        return false;
      }
    }
    int month = Integer.parseInt(ten.substring(2, 4));
    int day = Integer.parseInt(ten.substring(4, 6));
    if (day > 60) {
      day -= 60;
    }
    return month >= 1 && month <= 12 && day >= 1 && day <= 31 && luhn(ten);
  }

  /**
   * A German Steuer-Identifikationsnummer: 11 digits, the first not 0; in the first ten, one digit occurs twice or
   * three times and no other more than once; the eleventh is the ISO 7064 MOD 11,10 check digit of the ten.
   */
  public static boolean deTaxId(String digits) {
    if (digits.length() != 11 || digits.charAt(0) == '0') {
      return false;
    }
    int[] counts = new int[10];
    for (int i = 0; i < 10; i++) {
      counts[digits.charAt(i) - '0']++;
    }
    int repeated = 0;
    for (int count : counts) {
      if (count > 3) {
        return false;
      }
      if (count >= 2) {
        repeated++;
      }
    }
    if (repeated != 1) {
      return false;
    }
    int product = 10;
    for (int i = 0; i < 10; i++) {
      int sum = (digits.charAt(i) - '0' + product) % 10;
      if (sum == 0) {
        sum = 10;
      }
      product = (sum * 2) % 11;
    }
    int check = 11 - product;
    if (check == 10) {
      check = 0;
    }
    return check == digits.charAt(10) - '0';
  }

  /** A UK National Insurance number's prefix: not BG, GB, KN, NK, NT, TN or ZZ (the letters alone are in the pattern). */
  public static boolean ukNinoPrefix(String prefix) {
    return !switch (prefix) {
      case "BG", "GB", "KN", "NK", "NT", "TN", "ZZ" -> true;
      default -> false;
    };
  }
}
