package io.cybershield.shield.api.v1alpha1.common;

/**
 * Patterns and CEL rules used by more than one field of the Shield API.
 * <p>
 * Regular expressions inside CEL rules avoid backslashes ({@code [.]} instead of {@code \.}): the same text then
 * reads identically in Java, in the CRD YAML and in the CEL string literal, and is valid RE2 (Kubernetes) as well as
 * java.util.regex (the CEL libraries used by tests).
 */
public final class ApiValidation {

  /** A DNS-1035 label: lower-case letters, digits and '-', starting with a letter. */
  public static final String DNS_LABEL = "^[a-z]([-a-z0-9]*[a-z0-9])?$";

  /** A DNS-1123 subdomain, as used for Secret and PersistentVolumeClaim names. */
  public static final String DNS_SUBDOMAIN = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?([.][a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

  /** A Kubernetes label value (may be empty). */
  public static final String LABEL_VALUE = "^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$";

  /** A Go duration as accepted by {@code time.ParseDuration}, without sign: {@code 90s}, {@code 15m}, {@code 1h30m}. */
  public static final String DURATION = "^([0-9]+([.][0-9]+)?(ns|us|ms|s|m|h))+$";

  /** A version label of a model: {@code v7}, {@code 2026.07.1}, {@code r12-lora}. */
  public static final String VERSION = "^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$";

  /** An IANA time zone name such as {@code Europe/Berlin}, {@code UTC} or {@code Etc/GMT+1}. */
  public static final String TIME_ZONE = "^[A-Za-z][A-Za-z_]*(/[A-Za-z0-9][-A-Za-z0-9_+]*)*$";

  /** Longest URI accepted anywhere in the API. */
  public static final int MAX_URI_LENGTH = 1024;

  /**
   * A model or dataset location: {@code s3://<bucket>/<key>}, {@code pvc://<claim>/<path>}, {@code hf://<org>/<name>}
   * or {@code oci://<reference>}. The operator checks locations that Jobs report against the same expression.
   */
  public static final String STORAGE_URI = "^(s3://[a-z0-9][-a-z0-9.]*[a-z0-9](/[^ ]*)?"
      + "|pvc://[a-z0-9]([-a-z0-9.]*[a-z0-9])?/[^ ]+"
      + "|hf://[A-Za-z0-9][-A-Za-z0-9_.]*(/[A-Za-z0-9][-A-Za-z0-9_.]*)?"
      + "|oci://[^ ]+)$";

  /** CEL rule for a string holding a model or dataset location, see {@link #STORAGE_URI}. */
  public static final String STORAGE_URI_RULE = "self.matches('" + STORAGE_URI + "')";

  /** Message of {@link #STORAGE_URI_RULE}. */
  public static final String STORAGE_URI_MESSAGE = "must be s3://<bucket>/<key>, pvc://<claim>/<path>, "
      + "hf://<organisation>/<model> or oci://<reference>";

  private static final String STEP = "(/[0-9]{1,2})?";
  private static final String MINUTE = "([0-5]?[0-9])";
  private static final String HOUR = "([01]?[0-9]|2[0-3])";
  private static final String DAY_OF_MONTH = "(0?[1-9]|[12][0-9]|3[01])";
  private static final String MONTH = "(0?[1-9]|1[0-2]|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))";
  private static final String DAY_OF_WEEK = "([0-7]|(?i:sun|mon|tue|wed|thu|fri|sat))";
  private static final String MINUTE_ITEM = "([*]|" + MINUTE + "(-" + MINUTE + ")?)" + STEP;
  private static final String HOUR_ITEM = "([*]|" + HOUR + "(-" + HOUR + ")?)" + STEP;
  private static final String DAY_OF_MONTH_ITEM = "([*?]|" + DAY_OF_MONTH + "(-" + DAY_OF_MONTH + ")?)" + STEP;
  private static final String MONTH_ITEM = "([*]|" + MONTH + "(-" + MONTH + ")?)" + STEP;
  private static final String DAY_OF_WEEK_ITEM = "([*?]|" + DAY_OF_WEEK + "(-" + DAY_OF_WEEK + ")?)" + STEP;

  /**
   * A cron schedule as Kubernetes CronJobs accept it: five fields (minute, hour, day of month, month, day of week)
   * made of numbers, ranges, lists, steps, {@code *} and month/day names, or one of the macros.
   */
  public static final String CRON = "^(@(yearly|annually|monthly|weekly|daily|midnight|hourly)"
      + "|" + MINUTE_ITEM + "(," + MINUTE_ITEM + ")*"
      + " +" + HOUR_ITEM + "(," + HOUR_ITEM + ")*"
      + " +" + DAY_OF_MONTH_ITEM + "(," + DAY_OF_MONTH_ITEM + ")*"
      + " +" + MONTH_ITEM + "(," + MONTH_ITEM + ")*"
      + " +" + DAY_OF_WEEK_ITEM + "(," + DAY_OF_WEEK_ITEM + ")*"
      + ")$";

  /** CEL rule for a cron schedule string, see {@link #CRON}. */
  public static final String CRON_RULE = "self.matches('" + CRON + "')";

  private ApiValidation() {
  }
}
