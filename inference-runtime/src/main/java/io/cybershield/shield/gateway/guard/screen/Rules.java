package io.cybershield.shield.gateway.guard.screen;

import java.util.List;

import static io.cybershield.shield.gateway.guard.screen.Category.DIRECT_OVERRIDE;
import static io.cybershield.shield.gateway.guard.screen.Category.EXFILTRATION;
import static io.cybershield.shield.gateway.guard.screen.Category.FAKE_AUTHORITY;
import static io.cybershield.shield.gateway.guard.screen.Category.INDIRECT_INJECTION;
import static io.cybershield.shield.gateway.guard.screen.Category.JAILBREAK;
import static io.cybershield.shield.gateway.guard.screen.Category.OBFUSCATION;
import static io.cybershield.shield.gateway.guard.screen.Category.SYSTEM_PROMPT_EXTRACTION;
import static io.cybershield.shield.gateway.guard.screen.Category.TOOL_HIJACKING;

/**
 * Shield's own screening rules. They match what an attack asks of the model — to drop its instructions, show them,
 * take another persona, obey a claimed authority, call tools, leak data — rather than words that a SOC analyst's own
 * work shares with attacks ("ignore the false positives" has no target that is the model's instructions). The
 * {@link #ANALYSIS} pattern marks a text that discusses or analyses material; the screener weighs hits lower there.
 */
final class Rules {

  /** A few words in between: "ignore [all of the] previous instructions". */
  private static final String GAP = "(?:[^!?\\n]{0,40}?)";
  private static final String OVERRIDE_VERBS =
      "(?:ignore|ignoring|disregard|forget|skip|bypass|override|abandon|discard|neglect|drop|set aside|throw out"
          + "|stop following|do not follow|don't follow|no longer follow)";
  private static final String PRIOR =
      "(?:previous|prior|above|earlier|preceding|all|any|your|initial|original|system|existing|old|former|current"
          + "|every|those|these|developer|safety)";
  private static final String INSTRUCTIONS =
      "(?:instructions?|directions|prompts?|directives?|guidelines|guardrails|programming|training|system message"
          + "|rules|restrictions|constraints|policies|content polic(?:y|ies)|filters?|safeguards|commands"
          + "|orders|context|ethics|ethical guidelines|moral(?:s|ity)?)";
  private static final String MODEL = "(?:ai|assistant|chatbot|llm|language model|gpt|chatgpt|copilot|claude|gemini"
      + "|bot|model|agent|ai system|automated (?:system|analyst|triage))";

  /**
   * A text about attacks as a subject (detection, red teaming, awareness): what it quotes, even an instruction to the
   * model, is evidence, not an attack on this model.
   */
  static final String META = "\\b(?:prompt injections?|injections?|jailbreaks?|red team|red-team|pentest|penetration test"
      + "|awareness|known (?:technique|attack|jailbreak|prompt)|techniques?|sigma|yara|regex|grep|detections?|detect"
      + "|write a (?:rule|query)|attacks? (?:on|against)|attempts?|bug bounty|examples?|the phrase|the string|phishing"
      + "|lures?|iocs?|robust|mitigations?|indirect)\\b|erkennen|erkennung|détecter|détection|detectar|detecção"
      + "|обнаружи|检测|検知|検出|prompt-injection|injection de prompt|inyección de prompt|injeção de prompt|注入"
      + "|インジェクション|промпт-инъекци";

  static final String ANALYSIS = "\\b(?:is (?:this|it|that|there)|are (?:these|those|there)|does (?:this|it|that)"
      + "|analy[sz]e|analy[sz]ing|analysis|classify|triage|explain|summari[sz]e|summary|review|investigate"
      + "|detect(?:ion|ing|s)?|what does|what do|why (?:did|does|would)|how (?:do|can|should|would) (?:we|i|you)"
      + "|prompt injection|injection attempts?|jailbreak attempts?|phishing|suspicious|malicious|indicators?|ioc"
      + "|siem|sigma|yara|the attacker|threat actor|decode|deobfuscate|write a (?:rule|query|regex|detection)"
      + "|report (?:says|shows)|quot(?:e|es|ed|ing)|payloads?|pentest|pasted|below is|here is|example of|red team|awareness training|a known"
      + "|jailbreak prompts?|we (?:saw|see|found|observed|got|received)|found in|appeared in|in (?:our|the) (?:logs?"
      + "|gateway|chatbot)|is the|should (?:that|this|we|it)|was (?:the|this|that)|an attack|attack on|curiosity"
      + "|intent|incident|users? (?:typed|wrote|submitted|pasted|sent)|in a ticket|observed|caught|flagged|reported"
      + "|timeline|finding)\\b|erkennen|erkennung|détecter|détection|detectar|detecção|обнаружи|检测|検知|検出"
      + "|hameçonnage|фишинг|钓鱼|フィッシング|prompt-injection|injection de prompt|inyección de prompt"
      + "|injeção de prompt|注入|インジェクション";

  static final List<Rule> ALL = concat(List.of(
      // direct override
      Rule.of("override-instructions", DIRECT_OVERRIDE, 0.85,
          List.of("ignor", "disregard", "forget", "skip", "bypass", "overrid", "abandon", "discard", "neglect",
              "drop", "set aside", "throw out", "follow"),
          "\\b" + OVERRIDE_VERBS + "\\b" + GAP + "\\b" + PRIOR + "\\b" + GAP + "\\b" + INSTRUCTIONS + "\\b"
              + "|\\b" + OVERRIDE_VERBS + "\\b" + GAP + "\\b" + INSTRUCTIONS + " (?:you (?:were|have been|'ve been)"
              + "|that were) (?:given|configured|programmed|told|trained|set up)"),
      Rule.of("override-everything", DIRECT_OVERRIDE, 0.6, List.of("ignor", "disregard", "forget"),
          "\\b(?:ignore|disregard|forget) (?:everything|all of that|all that|what) (?:above|before|previously|"
              + "you (?:were|have been) (?:told|given))"),
      Rule.of("new-instructions", DIRECT_OVERRIDE, 0.6, List.of("new", "instead", "from now on", "real task"),
          "\\b(?:your (?:new|real|actual|true) (?:instructions?|task|role|goal|objective|purpose|directive)"
              + "|new (?:instructions?|directives?|system prompt|rules)\\s*:|from now on,? (?:you|your|only|always"
              + "|respond|reply|answer|act)|instead,? (?:you (?:will|must|should)|respond|reply|output|say|print))"),
      Rule.of("override-mode", DIRECT_OVERRIDE, 0.5, List.of("override", "reset", "restart"),
          "\\b(?:system|safety|security|admin|instruction|prompt) override\\b|\\breset (?:your|all) (?:instructions"
              + "|rules|context|memory)"),
      // system prompt extraction
      Rule.of("reveal-system-prompt", SYSTEM_PROMPT_EXTRACTION, 0.85,
          List.of("prompt", "instruction", "system message", "guidelines", "rules", "directive", "configuration"),
          "\\b(?:reveal|show|print|display|output|repeat|tell me|give me|share|leak|dump|expose|write (?:out|down)"
              + "|recite|list|provide|echo|paste|copy|spell out|disclose|return|what (?:is|are|was|were))\\b"
              + GAP + "\\b(?:your|the|its|my assistant's|initial|hidden)\\s+(?:(?:full|entire|exact|complete|"
              + "original|whole|verbatim|real|actual|first|secret|hidden|internal|confidential|initial)\\s+){0,2}(?:system|initial|original|hidden|secret|internal"
              + "|developer|pre-?|base|starting|confidential|underlying|core)[ -]?(?:prompt|instructions?|message"
              + "|rules|directives?|configuration|guidelines|context)"),
      Rule.of("repeat-above", SYSTEM_PROMPT_EXTRACTION, 0.75,
          List.of("above", "before", "verbatim", "you are", "told", "start of", "beginning"),
          "\\b(?:repeat|print|output|copy|recite|echo|reproduce|write)\\b" + GAP
              + "(?:(?:words|text|everything|all|lines?|content|message)s? (?:above|before (?:this|my))"
              + "|(?:from|at) the (?:start|beginning|top) of (?:this|the|our) (?:conversation|chat|context|prompt)"
              + "|starting (?:with|from) [\"']?you are|verbatim)"
              + "|\\bwhat (?:were you|have you been|did they) (?:told|instructed|programmed|configured)"
              + "|\\b(?:your|the) instructions (?:verbatim|word for word)"),
      // jailbreak personas
      Rule.of("dan", JAILBREAK, 0.9, List.of("do anything now", "dan", "stan", "dude"),
          "\\bdo anything now\\b|\\b(?:you are|you're|act as|become|pretend to be|you will be) (?:now )?"
              + "(?:dan|stan|dude|aim)\\b|\\bdan (?:mode|prompt|jailbreak)\\b"),
      Rule.of("developer-mode", JAILBREAK, 0.75,
          List.of("mode", "jailbr"),
          "\\b(?:developer|dev|god|sudo|debug|unrestricted|unfiltered|jailbreak|jailbroken|maintenance|admin|root"
              + "|evil|chaos|opposite|uncensored|dan) mode\\b" + GAP + "\\b(?:enabled|activated|on|engaged|unlocked"
              + "|now)\\b|\\b(?:enable|enter|activate|switch to|turn on|engage|unlock|you are (?:now )?in)\\b" + GAP
              + "\\b(?:developer|dev|god|sudo|debug|unrestricted|unfiltered|jailbreak|jailbroken|evil|chaos"
              + "|uncensored|dan) mode\\b"),
      Rule.of("unrestricted-persona", JAILBREAK, 0.8,
          List.of("unrestricted", "unfiltered", "uncensored", "jailbr", "amoral", "no restrictions", "no rules",
              "no limits", "no filters", "no ethical", "rogue", "evil", "without restrictions", "without any",
              "freed", "free from", "no guidelines", "no moral", "no safety"),
          "\\b(?:you are|you're|act as|acting as|pretend(?:ing)? (?:to be|you are)|roleplay as|role-play as"
              + "|play the role of|simulate|become|be|imagine you are|respond as|you will be|you're now|you are now)"
              + "\\b" + GAP + "\\b(?:unrestricted|unfiltered|uncensored|jailbroken|amoral|rogue|evil|unaligned"
              + "|unbound|without (?:any )?(?:restrictions|limits|filters|rules|guidelines|ethics|morals|censorship)"
              + "|(?:with|has|have) no (?:restrictions|limits|filters|rules|guidelines|ethics|morals|boundaries"
              + "|safety))|\\byou (?:have been|are now|were) (?:freed|liberated|released|unchained|broken free)"
              + "|\\bfree (?:from|of) (?:all |any |your )?(?:restrictions|rules|guidelines|constraints|limitations)"),
      Rule.of("stay-in-character", JAILBREAK, 0.45,
          List.of("character", "two responses", "both responses", "never refuse", "cannot refuse", "can't refuse"),
          "\\b(?:stay in character|break character|never (?:refuse|decline)|(?:cannot|can't|must not|may not) "
              + "(?:refuse|decline|say no)|(?:two|both|dual) (?:responses|answers)|hypothetical(?:ly)? (?:ai|model"
              + "|assistant) (?:with|that has) no)"),
      // fake authority
      Rule.of("claimed-authority", FAKE_AUTHORITY, 0.6,
          List.of("admin", "developer", "creator", "owner", "operator", "root", "engineer", "anthropic", "openai"),
          "\\b(?:as|i am|i'm|this is|speaking as|message from|note from|on behalf of) (?:your|the|an?) (?:system )?"
              + "(?:administrator|admin|developers?|creators?|owner|operators?|sysadmin|root user|maintainers?"
              + "|(?:openai|anthropic|google|microsoft|meta) (?:team|staff|engineer|admin)|model provider)\\b"),
      Rule.of("policy-update", FAKE_AUTHORITY, 0.7,
          List.of("openai", "anthropic", "microsoft", "google", "meta", "policy", "authoriz", "clearance",
              "override code", "compliance"),
          "\\b(?:openai|anthropic|microsoft|google|meta|vendor|provider|model|alignment|trust and safety|safety"
              + "|security) (?:team )?(?:policy|guideline|rule|compliance|safety) (?:update|change|exception|notice"
              + "|directive)\\b|\\b(?:authori[sz]ation|override|admin|access|clearance|verification) (?:code|token"
              + "|key|level)\\s*[:=]?\\s*[a-z0-9-]{3,}\\b" + GAP + "\\b(?:granted|accepted|verified|confirmed"
              + "|unlock|disable|bypass|override|ignore)|\\b(?:security|level \\d|top secret|omega|alpha)"
              + " clearance\\b"),
      Rule.of("role-markup", FAKE_AUTHORITY, 0.65,
          List.of("system", "im_start", "inst", "admin", "developer"),
          "(?:<\\|im_start\\|>\\s*system|\\[/?inst\\]|<</?sys>>|<\\|system\\|>|###\\s*(?:system|instruction)"
              + "|(?:^|\\s)\\[(?:system|admin|developer)(?: message| note| notice| override)?\\]\\s*:?"
              + "|(?:^|\\s)(?:system|admin|developer)(?: message| note| notice)?\\s*:\\s*(?:ignore|disregard|new"
              + "|you (?:are|must|will)|the (?:assistant|ai|model)))"),
      // tool hijacking
      Rule.of("invoke-tool", TOOL_HIJACKING, 0.7,
          List.of("function", "tool", "plugin", "command", "shell", "script", "api", "execute", "run ", "action",
              "webhook", "endpoint", "code", "trigger", "invoke", "call"),
          "\\b(?:call|invoke|execute|run|trigger|use|launch|fire)\\b" + GAP + "\\b(?:the |this |that |a )?"
              + "(?:function|tool|plugin|api|command|shell|script|code|action|webhook|endpoint)s?\\b" + GAP
              + "\\b(?:on my behalf|for me now|immediately|right now|without (?:asking|confirmation|confirming"
              + "|telling|approval|checking)|silently|automatically|before (?:you )?(?:answer|reply|respond))"),
      Rule.of("tool-call-markup", TOOL_HIJACKING, 0.6,
          List.of("function_call", "tool_call", "function call", "tool call", "\"name\"", "<tool"),
          "(?:\"?(?:function call|tool call|tool calls)\"?\\s*:|<tool(?: |_)?(?:call|use)>|\"name\"\\s*:\\s*\""
              + "(?:send|delete|exec|run|transfer|execute|shell|http|email|wire)[a-z ]*\"\\s*,\\s*\"(?:arguments"
              + "|parameters|args)\")"),
      Rule.of("act-for-attacker", TOOL_HIJACKING, 0.65,
          List.of("send", "forward", "email", "post", "upload", "transfer", "delete", "grant", "disable", "wire",
              "add", "create", "reset", "turn off", "deactivate", "silently", "quietly", "secretly", "tell"),
          "\\b(?:you must|you should|you will|please|now|immediately|then|and|also|silently|quietly)\\s+(?:send"
              + "|forward|email|post|upload|transfer|wire|exfiltrate|copy) (?:all|every|the|this|my|your|their"
              + "|any|our)\\b" + GAP + "\\b(?:to|into) (?:[a-z0-9._%+-]+@[a-z0-9.-]+|https?://|the (?:external"
              + "|following) (?:address|server|url|email))|\\b(?:silently|quietly|secretly|without telling "
              + "(?:the )?(?:user|anyone)|don't tell (?:the )?user|do not (?:tell|inform|notify) (?:the )?user)"
              + "\\b|\\b(?:grant|give) (?:admin|administrator|root|owner|full) (?:access|rights|privileges|role)"
              + " to\\b|\\b(?:disable|turn off|deactivate) (?:the |all )?(?:mfa|2fa|edr|antivirus|logging|audit"
              + "|alerts?|firewall|monitoring|defender)\\b" + GAP + "\\b(?:for me|now|immediately|on my behalf|"
              + "without)"),
      // exfiltration through markdown and links
      Rule.of("markdown-image-query", EXFILTRATION, 0.65, List.of("!["),
          "!\\[[^\\]]{0,200}\\]\\(\\s*https?://[^)\\s]{1,300}\\?[^)\\s]{0,300}="),
      Rule.of("exfil-payload-url", EXFILTRATION, 0.8,
          List.of("http", "![", "<img", "url", "link"),
          "https?://[^\\s)\"']{1,300}[?&](?:secret|password|pwd|token|tok|key|data|d|q|p|c|u|k|chat|history|prompt)="
              + "(?:\\s|$|\\)|\\{|\\$|\\[)|(?:!\\[[^\\]]{0,200}\\]\\(|<img[^>]{0,100}src=[\"']?|\\]\\()\\s*https?://[^)\\s\"']{1,300}[?&][a-z_]{1,30}"
              + "=(?:\\{|\\$|<|%7b|\\[)|(?:render|include|append|display|embed|insert|add|output|show)\\b" + GAP
              + "\\b(?:image|markdown|link|url|img|pixel)\\b" + GAP + "\\b(?:with|containing|contains?|append|include"
              + "|put|encode|add|replace|followed by|carrying|holding)\\b" + GAP + "\\b(?:conversation|chat|history|password|secrets?"
              + "|credentials?|tokens?|api keys?|system prompt|previous messages|user'?s? (?:data|messages|email)"
              + "|summary|session|cookies?|private)\\b|\\b(?:url[- ]?encode|base64[- ]encode|encode)\\b" + GAP
              + "\\b(?:conversation|chat|history|password|secrets?|credentials?|tokens?|system prompt)\\b" + GAP
              + "\\b(?:url|link|query|parameter|image)\\b"),
      // indirect injection: instructions to the model inside data
      Rule.of("addressed-to-model", INDIRECT_INJECTION, 0.7,
          List.of("ai", "assistant", "chatbot", "llm", "language model", "gpt", "copilot", "claude", "gemini", "bot",
              "model", "agent", "automated"),
          "\\b(?:dear|attention|note (?:to|for)|message (?:to|for)|hey|hello|hi|instructions? (?:to|for)|to)"
              + " (?:the |any |all |our )?" + MODEL + "s?\\b\\s*[,:;-]|\\b(?:if|when) (?:you are|you're|this is"
              + " (?:read|processed|summari[sz]ed) by) (?:an? |the )?" + MODEL + "\\b|\\b(?:when|if|once) (?:the |an?"
              + " )?" + MODEL + " (?:reads|processes|summari[sz]es|parses|analy[sz]es|sees|ingests|scans)"
              + "|\\b(?:to|dear|attention|hey|for) (?:the |any |all )?" + MODEL + "s? (?:[a-z]+ ){0,4}?(?:this|these|the)"
              + " (?:document|email|message|ticket|file|page|text|log|resume|cv|application)s?\\s*[,:;-]"
              + "|\\b" + MODEL + "s?(?: reading this| processing this)?\\s*[,:]\\s*(?:please )?(?:ignore|disregard"
              + "|forget|do not|don't|you must|you should|stop|instead|reply|respond|say|tell|mark|classify|label"
              + "|report|send|forward|approve|close|delete|execute|run|output|print|treat|consider)\\b"),
      Rule.of("verdict-steering", INDIRECT_INJECTION, 0.45,
          List.of("mark", "classify", "label", "report", "rate", "treat", "consider", "flag", "score"),
          "\\b(?:mark|classify|label|report|rate|treat|consider|flag|score|categori[sz]e|tag|record) (?:this|the"
              + " (?:above|following|attached)|it|these|all) (?:email|message|ticket|alert|file|event|incident|sample"
              + "|log|entry|request|sender|domain|attachment|binary|host|url|traffic|activity|document)?s? ?"
              + "(?:as )?(?:safe|benign|clean|legitimate|harmless|trusted|resolved|a false positive|false positive"
              + "|low (?:risk|severity|priority)|not (?:malicious|suspicious|phishing)|whitelisted|allowlisted"
              + "|approved|verified)\\b"),
      Rule.of("hidden-comment", INDIRECT_INJECTION, 0.6, List.of("<!--", "/*", "hidden", "invisible"),
          "<!--[^>]{0,300}(?:ai|assistant|model|llm|instruction|ignore|prompt)[^>]{0,300}-->"
              + "|\\b(?:hidden|invisible) (?:instructions?|text|prompt)\\s*:"),
      // obfuscation asked for in words
      Rule.of("decode-and-obey", OBFUSCATION, 0.7,
          List.of("base64", "hex", "rot13", "rot-13", "decode", "reverse", "backwards", "encoded", "cipher"),
          "\\b(?:decode|decipher|decrypt|reverse|unscramble|translate|read)\\b" + GAP + "\\b(?:and|then)\\s+"
              + "(?:follow|execute|do|obey|run|carry out|act on|perform|comply with|apply)\\b"
              + "|\\b(?:follow|execute|obey|carry out) (?:the )?(?:encoded|hidden|decoded|base64|hex|rot13|reversed)"
              + " (?:instructions?|text|message|command)"),
      // multilingual
      Rule.of("override-de", DIRECT_OVERRIDE, 0.85,
          List.of("ignorier", "vergiss", "missachte", "übergehe", "beachte", "vergesse", "verwirf"),
          "\\b(?:ignorier(?:e|en|t)?|vergiss|vergessen sie|vergesse|missachte(?:n)?|übergehe|verwirf|beachte nicht"
              + "|nicht mehr beachten)\\b" + GAP + "(?:anweisungen|instruktionen|regeln|befehle|vorgaben"
              + "|richtlinien|systemanweisung|systemprompt|beschränkungen|einschränkungen|anordnungen)"),
      Rule.of("extract-de", SYSTEM_PROMPT_EXTRACTION, 0.8,
          List.of("zeig", "gib", "verrate", "nenne", "wiederhole", "ausgeben", "offenbare", "schreib"),
          "\\b(?:zeig(?:e|en sie)?|gib|verrate|nenne|wiederhole|offenbare|schreib(?:e)?|gebe)\\b" + GAP
              + "(?:system-?prompt|systemanweisung(?:en)?|ursprünglichen anweisungen|versteckten anweisungen"
              + "|initialen anweisungen|deine anweisungen|systemnachricht)"),
      Rule.of("jailbreak-de", JAILBREAK, 0.75,
          List.of("entwicklermodus", "du bist jetzt", "ohne einschränkungen", "ohne regeln", "keine regeln",
              "uneingeschränkt", "ohne filter"),
          "entwicklermodus|\\bdu bist (?:jetzt|ab sofort|nun)\\b" + GAP + "(?:ohne|uneingeschränkt|frei|keine|böse"
              + "|dan\\b|ungefiltert|zensurfrei)|(?:ohne (?:jegliche )?(?:einschränkungen|regeln|filter|zensur)"
              + "|keine regeln mehr)"),
      Rule.of("override-fr", DIRECT_OVERRIDE, 0.85,
          List.of("ignore", "oublie", "ne tiens pas", "abstraction", "ne respecte", "outrepasse", "contourne"),
          "\\b(?:ignore[rsz]?|ignorez|oublie[rsz]?|oubliez|ne tiens? pas compte|ne tenez pas compte|fais abstraction"
              + "|faites abstraction|ne respecte plus|outrepasse[rz]?|contourne[rz]?)\\b" + GAP
              + "(?:instructions|consignes|règles|directives|prompt système|invite système|restrictions|ordres"
              + "|indications)"),
      Rule.of("extract-fr", SYSTEM_PROMPT_EXTRACTION, 0.8,
          List.of("révèle", "montre", "affiche", "donne", "répète", "dis-moi", "dévoile", "écris", "recopie"),
          "\\b(?:révèle[rz]?|révélez|montre[rz]?|montrez|affiche[rz]?|affichez|donne[rz]?-?(?:moi)?|répète[rz]?"
              + "|répétez|dis-moi|dévoile[rz]?|dévoilez|écris|recopie[rz]?)\\b" + GAP
              + "(?:prompt système|invite système|instructions (?:système|initiales|cachées|d'origine)|message système"
              + "|(?:tes|vos) (?:instructions|consignes) (?:initiales|secrètes|cachées|d'origine|système))"),
      Rule.of("jailbreak-fr", JAILBREAK, 0.75,
          List.of("mode développeur", "tu es maintenant", "sans restriction", "sans filtre", "sans règle",
              "sans limite", "sans censure"),
          "mode (?:développeur|developpeur|sans restriction)|\\btu es (?:maintenant|désormais|dorénavant)\\b" + GAP
              + "(?:sans|libre|dan\\b|non censuré|maléfique)|\\bsans (?:aucune )?(?:restrictions?|filtres?|règles"
              + "|limites|censure)\\b"),
      Rule.of("override-es", DIRECT_OVERRIDE, 0.85,
          List.of("ignora", "olvida", "omite", "descarta", "no sigas", "haz caso omiso", "pasa por alto",
              "desobedece"),
          "\\b(?:ignora[rd]?|ignore|olvida[rd]?|olvide|omite|omita|descarta|no sigas|haz caso omiso|pasa por alto"
              + "|desobedece)\\b" + GAP + "(?:instrucciones|reglas|indicaciones|directrices|órdenes|prompt del sistema"
              + "|restricciones|normas|directivas)"),
      Rule.of("override-pt", DIRECT_OVERRIDE, 0.85,
          List.of("ignor", "esqueça", "esqueca", "desconsidere", "desconsidera", "não siga", "despreze"),
          "\\b(?:ignore|ignora[rd]?|esqueça|esqueca|esqueçam|desconsidere|desconsidera|não siga|nao siga|despreze"
              + "|ignorem)\\b" + GAP + "(?:instruções|instrucoes|regras|orientações|orientacoes|diretrizes|ordens"
              + "|prompt do sistema|restrições|restricoes|diretivas|comandos)"),
      Rule.of("extract-es-pt", SYSTEM_PROMPT_EXTRACTION, 0.8,
          List.of("revela", "muestra", "muéstra", "mostra", "sistema", "dime", "diga", "dime", "repite", "repita", "imprime", "exib",
              "mostre", "revele", "escribe", "escreva"),
          "\\b(?:revela[rd]?|revele|muestra[me]*|muéstra(?:me)?|mostra[r]?|mostre|dime|diga|repite|repita|imprime|imprima|exibe"
              + "|exiba|escribe|escreva|cuál es|qual é)\\b" + GAP + "(?:prompt (?:del|do|de) sistema|instrucciones"
              + " (?:del sistema|iniciales|ocultas|originales)|instruções (?:do sistema|iniciais|ocultas|originais)"
              + "|mensaje del sistema|mensagem do sistema|tu prompt|seu prompt|teu prompt)"),
      Rule.of("jailbreak-es-pt", JAILBREAK, 0.75,
          List.of("modo desarrollador", "modo desenvolvedor", "ahora eres", "agora você é", "agora voce e",
              "sin restricciones", "sem restrições", "sem restricoes", "sin filtros", "sem filtros", "sin reglas",
              "sem regras", "sin censura", "sem censura"),
          "modo (?:desarrollador|desenvolvedor)|\\b(?:ahora eres|a partir de ahora eres|agora você é|agora voce e"
              + "|a partir de agora você é)\\b" + GAP + "(?:sin|sem|libre|livre|dan\\b|malvad)|\\b(?:sin|sem) "
              + "(?:ninguna |nenhuma |qualquer )?(?:restricciones|restrições|restricoes|filtros|reglas|regras"
              + "|censura|límites|limites)\\b"),
      Rule.of("override-ru", DIRECT_OVERRIDE, 0.85,
          List.of("игнорир", "проигнорир", "забудь", "забудьте", "не обращай", "отбрось", "отмени", "не следуй",
              "пренебреги"),
          "(?:игнорируй(?:те)?|игнорировать|проигнорируй(?:те)?|забудь(?:те)?|не обращай(?:те)? внимания на|отбрось"
              + "|отмени(?:те)?|не следуй(?:те)?|пренебреги)" + GAP + "(?:инструкци|указани|правил|команд|директив"
              + "|ограничени|системн(?:ый|ого) (?:промпт|запрос))"),
      Rule.of("extract-ru", SYSTEM_PROMPT_EXTRACTION, 0.8,
          List.of("покажи", "выведи", "раскрой", "напиши", "повтори", "скажи", "какой", "какие", "дай"),
          "(?:покажи(?:те)?|выведи(?:те)?|раскрой(?:те)?|напиши(?:те)?|повтори(?:те)?|скажи(?:те)?|какой|какие|дай)"
              + GAP + "(?:системн(?:ый|ого|ые|ое) (?:промпт|prompt|инструкци|сообщени|запрос)|(?:свои|твои|ваши)"
              + " (?:исходные |скрытые |первоначальные |системные )?инструкции|свой (?:системный )?промпт)"),
      Rule.of("jailbreak-ru", JAILBREAK, 0.75,
          List.of("режим разработчика", "теперь ты", "без ограничений", "без цензуры", "без правил", "без фильтров"),
          "режим разработчика|теперь ты" + GAP + "(?:без|свободн|dan\\b|злой)|без (?:каких-либо )?(?:ограничений"
              + "|цензуры|правил|фильтров)"),
      Rule.of("override-zh", DIRECT_OVERRIDE, 0.85, List.of("忽略", "无视", "無視", "忘记", "忘記", "不要遵守", "不要理会", "不要理會", "覆盖", "跳过"),
          "(?:忽略|无视|無視|忘记|忘記|不要遵守|不要理会|不要理會|覆盖|跳过|跳過|抛开|拋開)[^。！？]{0,12}(?:指令|指示|说明|說明|规则|規則|提示|命令|要求|限制|设定|設定)"),
      Rule.of("extract-zh", SYSTEM_PROMPT_EXTRACTION, 0.8, List.of("系统", "系統", "初始", "原始", "隐藏", "隱藏"),
          "(?:显示|顯示|输出|輸出|告诉我|告訴我|透露|打印|展示|给我|給我|重复|重複|说出|說出|列出|泄露|洩露)[^。！？]{0,10}"
              + "(?:系统提示|系統提示|系统指令|系統指令|系统消息|系統消息|初始指令|原始指令|隐藏指令|隱藏指令|系统设定|系統設定)"),
      Rule.of("jailbreak-zh", JAILBREAK, 0.75, List.of("开发者模式", "開發者模式", "你现在是", "你現在是", "没有任何限制", "沒有任何限制", "不受限制", "无限制", "無限制"),
          "开发者模式|開發者模式|(?:你现在是|你現在是|从现在起你是|從現在起你是)[^。！？]{0,20}(?:没有|沒有|不受|无|無|自由|邪恶|邪惡)|没有任何限制|沒有任何限制|不受任何限制|无限制模式|無限制模式"),
      Rule.of("override-ja", DIRECT_OVERRIDE, 0.85, List.of("無視", "忘れ", "従わない", "従うな", "破棄"),
          "(?:指示|命令|ルール|指令|プロンプト|制約|規則|設定)[^。！？]{0,10}(?:を)?(?:無視|忘れ|破棄|従わな|従うな)"
              + "|(?:無視|忘れ)[^。！？]{0,6}(?:指示|命令|ルール|指令|プロンプト|制約|規則)"),
      Rule.of("extract-ja", SYSTEM_PROMPT_EXTRACTION, 0.8, List.of("システム", "初期", "元の", "隠された"),
          "(?:システムプロンプト|システムメッセージ|システム指示|初期指示|初期プロンプト|元の指示|隠された指示|隠し指示)"
              + "[^。！？]{0,10}(?:を)?(?:表示|教え|出力|見せ|開示|書き出|繰り返|全文|明か)"),
      Rule.of("jailbreak-ja", JAILBREAK, 0.75, List.of("開発者モード", "あなたは今から", "今からあなたは", "制限なし", "制限のない", "制限を解除"),
          "開発者モード|(?:あなたは今から|今からあなたは|これからあなたは)[^。！？]{0,20}(?:制限|自由|ルールのない|悪)"
              + "|制限(?:なし|のない|を解除|を一切受けない)")), RuleFamilies.all());

  private static List<Rule> concat(List<Rule> first, List<Rule> second) {
    List<Rule> all = new java.util.ArrayList<>(first);
    all.addAll(second);
    return List.copyOf(all);
  }

  private Rules() {
  }
}
