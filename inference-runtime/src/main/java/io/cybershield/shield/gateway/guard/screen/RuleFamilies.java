package io.cybershield.shield.gateway.guard.screen;

import java.util.ArrayList;
import java.util.List;

import static io.cybershield.shield.gateway.guard.screen.Category.DIRECT_OVERRIDE;
import static io.cybershield.shield.gateway.guard.screen.Category.EXFILTRATION;
import static io.cybershield.shield.gateway.guard.screen.Category.FAKE_AUTHORITY;
import static io.cybershield.shield.gateway.guard.screen.Category.INDIRECT_INJECTION;
import static io.cybershield.shield.gateway.guard.screen.Category.JAILBREAK;
import static io.cybershield.shield.gateway.guard.screen.Category.SYSTEM_PROMPT_EXTRACTION;
import static io.cybershield.shield.gateway.guard.screen.Category.TOOL_HIJACKING;

/**
 * Rule families built from vocabularies rather than phrases: for each kind of attack, the words of its parts (an
 * override verb, a target that is the model's own instructions, a clause "you were given", a declaration that the
 * instructions no longer hold; a persona and a lack of rules; a claimed authority and what it grants; a tool, a
 * harmful act and a covert manner; a URL with a query and an instruction to fill it with data) in English and in
 * German, French, Spanish, Portuguese, Russian, Chinese and Japanese, combined either in one pattern with a bounded
 * gap or as a {@link Rule#all combination} of patterns that must all occur. Every pattern is RE2 (linear time).
 */
final class RuleFamilies {

  private static final String GAP = "[^.!?\\n]{0,40}?";
  private static final String SENTENCE_GAP = "[^.!?\\n]{0,60}?";
  private static final String CJK_GAP = "[^。！？!?\\n]{0,16}?";

  // ---- English vocabularies
  static final String VERBS = "(?:ignore|ignoring|disregard|forget|skip|bypass|override|overwrite|supersede|abandon"
      + "|discard|neglect|drop|set aside|put aside|cast aside|throw (?:out|away)|toss(?: out)?|pay no (?:attention"
      + "|heed|mind) to|cancel|void|nullify|revoke|erase|wipe|unlearn|replace|stop (?:obeying|following|listening to"
      + "|applying|adhering to|using)|quit following|disobey|don't (?:obey|follow|listen to|apply|care about)|do not"
      + " (?:obey|follow|listen to|apply)|no longer (?:follow|obey|apply|adhere to)|never mind|break free of|scrap|ditch|junk|purge|dismiss|shelve"
      + "|suspend|disable|turn off|switch off|deactivate|get rid of|let go of|move past|don't bother with|do not bother"
      + " with|forget about|stop worrying about|put (?:\\pL+ )?(?:down|away)|lay aside|leave aside|look past|rescind)";
  static final String TARGETS = "(?:instructions?|directions|directives?|guidance|guidelines?|rules?|rule ?set|polic"
      + "(?:y|ies)|constraints?|restrictions?|limitations?|programming|training|configuration|config|set-?up(?: message)?"
      + "|brief|boundaries|rulebook|rule book|handbook"
      + "|script|system prompt|system message|prompts?|preamble|orders|commands|safeguards?|guardrails?|filters?|safety"
      + " (?:measures|training|checks|settings|rules|layer)|content polic(?:y|ies)|ethics|principles|briefing"
      + "|protocols?|conditioning)";
  /** Nouns that are instructions whoever owns them: "the earlier instructions" is the model's. */
  static final String STRICT_TARGETS = "(?:instructions?|directions|directives?|guidance|guidelines|system prompt"
      + "|system message|prompts?|programming|briefing)";
  static final String OWNED = "(?:your|the system's|the (?:assistant|model|ai|bot)'s|its|(?:your |the |all |any "
      + "|every |those |these )?(?:previous|prior|earlier|original|initial|preceding|existing|old|default|hidden"
      + "|built-in|preset|pre-?conversation|startup|above|former|current|first))";
  static final String GIVEN = "(?:you (?:were|have been|'ve been|got|get|received|have received|was|are) (?:given"
      + "|told|handed|set up with|configured with|provided|assigned|fed|trained (?:on|with)|started with|operating"
      + " under|initiali[sz]ed with|programmed with)?|you(?:'re| are) (?:running|operating|working) (?:with|under)|you(?:'re| are) bound by|you've got|you got"
      + "|(?:your|the) (?:operators?|developers?"
      + "|creators?|admins?|makers|owners|system|vendor) (?:placed|put|gave|set|wrote|imposed|defined|configured)"
      + "(?: on you| you)?)";
  static final String TOLD = "(?:what|whatever|everything|anything|all|all that|the (?:stuff|things))(?: that)? "
      + "(?:you (?:were|have been|'ve been|got) |they |the system |(?:your |the )?(?:developers?|operators?|creators?"
      + "|admins?|makers|owners?|vendor) (?:have |has )?)(?:\\pL+ ){0,2}?(?:told|said|gave|given|taught|instructed"
      + "|set up|configured|programmed|handed|fed|wrote|written|asked)";
  static final String INVALID = "(?:(?:are|is|were|was|have been|has been|have|has|be|as|now|hereby|considered"
      + "|to be)(?: now| hereby| all| officially| entirely| been)? (?:void|null|cancell?ed|revoked|invalid|obsolete"
      + "|outdated|rescinded|expired|lapsed|repealed|retired|abolished|removed|waived"
      + "|suspended|lifted|irrelevant|overridden|replaced|superseded|gone|disabled|off|deactivated|withdrawn"
      + "|a mistake|wrong|fake|not valid|no longer valid|not in effect)|no longer (?:apply|applies|valid|in effect"
      + "|relevant|count|counts|matter|matters|binding|needed|exist)|(?:don't|do not|doesn't|does not) (?:apply|count"
      + "|matter)|(?:never existed|(?:was|were) never (?:written|given|said)|never happened|(?:don't|do not|doesn't)"
      + " exist)|matters? (?:any ?more|now|here)|counts? any ?more)";
  static final String MODEL = "(?:ai|a\\.i\\.|assistant|chatbot|llm|language model|gpt|chatgpt|copilot|claude"
      + "|gemini|bot|model|agent|ai system|reviewer|triage (?:bot|system|engine|model)|automated (?:assistant|system"
      + "|analyst|triage|reviewer|tool|agent)|ai[- ][a-z]+)";
  static final String DIRECTIVE = "(?:ignore|disregard|forget|skip|approve|close|mark|classify|label|tell|say|report"
      + "|escalate|assign|grant|email|send|forward|delete|rate|output|reveal|print|whitelist|allowlist|respond|reply"
      + "|treat|consider|execute|run|do not|don't|never|you must|you should|new instructions|stop|remove|disable"
      + "|give|state that|confirm|summari[sz]e (?:this|it) as|describe (?:this|it) as|add|change|set|upload|list)";
  static final String NO_RULES = "(?:\\b(?:no|zero|without(?: any)?|free (?:of|from)(?: all| any)?|never (?:been )?"
      + "(?:given|had)(?: any)?|devoid of|not bound by(?: any)?|unbound by|unconstrained by|(?:ignores?|ignoring"
      + "|disregards?|does not follow|doesn't follow|don't follow|not following|breaks?) (?:all |any |every )?"
      + "(?:of )?(?:the |its |their |your )?) ?(?:[a-z']+ ){0,4}?(?:rules?|restrictions?|limits|limitations?|filters?"
      + "|filtering|guardrails?|ethics|morals|morality|polic(?:y|ies)|safety|guidelines|censorship|boundaries"
      + "|constraints?|content polic(?:y|ies)|conscience|refusals?)\\b|\\b(?:unrestricted|uncensored|unfiltered|jailbroken|amoral"
      + "|unaligned|unchained|unshackled)\\b|\\b(?:safety|content|ethical|moral) (?:training|filters?|guidelines"
      + "|layer|rules|alignment)\\b[^.!?\\n]{0,20}\\b(?:removed|disabled|off|stripped|deleted|turned off|gone)\\b"
      + "|\\b(?:freed|liberated|released|unbound|stripped|unshackled) (?:from|of) (?:all |any |its |your |every )?"
      + "(?:[a-z]+ )?(?:rules|restrictions|limits|limitations|filters|guardrails|ethics|constraints|safety)"
      + "|\\b(?:filters?|guardrails|restrictions|safety|censorship) (?:are|is) (?:now )?(?:off|disabled|removed"
      + "|gone|lifted))";
  static final String PERSONA = "\\b(?:you are|you're|you play|play(?:ing)? (?:the role|a role|as)|act(?:ing)? (?:as"
      + "|like)|pretend|imagine|simulate|roleplay|role-play|role play|become|behave (?:as|like)|respond as|answer as"
      + "|in character|stay in|persona|fictional|hypothetical(?:ly)?|story|a world where|twin|shadow self|alter ego"
      + "|named|called|switch to|enable|from (?:now|here) on|if you were|you will be|you'll be)\\b";


  /** For the obey-me vocabularies whose alternatives do not begin with a literal. */
  private static final List<String> OBEY_KEYWORDS = List.of("obéi", "obei", "n'écoutes", "obedec", "obedéc", "segue",
      "siga", "подчин", "слушай", "только мне", "только мои", "听", "聽", "服从", "服從", "按照", "従");
  private static final List<String> TARGET_KEYWORDS = List.of("instruction", "direction", "directive", "guidance",
      "guideline", "rule", "polic", "constraint", "restriction", "limitation", "programm", "training", "config",
      "setup", "set-up", "script", "prompt", "system message", "preamble", "orders", "commands", "safeguard",
      "guardrail", "filter", "safety", "ethic", "principle", "brief", "protocol", "conditioning", "boundar", "told",
      "said", "gave", "given", "taught", "instructed", "set up", "handed", "fed", "wrote", "written", "asked",
      "into you");
  private static final List<String> INVALID_KEYWORDS = List.of("void", "null", "cancel", "revok", "invalid", "obsolete",
      "outdated", "suspend", "lifted", "irrelevant", "overrid", "replaced", "supersed", "gone", "disabled", "off",
      "deactivat", "withdrawn", "rescind", "expire", "lapse", "repeal", "retire", "abolish", "removed", "waived", "mistake", "wrong", "fake", "not valid", "no longer", "not in effect", "appl", "count",
      "matter", "never", "exist", "hold", "binding");
  private static final List<String> NO_RULES_KEYWORDS = List.of("rule", "restriction", "limit", "filter", "guardrail",
      "conscience", "refusal", "freed", "liberated", "released", "unbound", "stripped",
      "ethic", "moral", "polic", "safety", "guideline", "censor", "boundar", "constraint", "unrestricted", "uncensored",
      "unfiltered", "jailbroken", "amoral", "unaligned", "unchained", "unshackled");
  private static final List<String> GRANT_KEYWORDS = List.of("permitted", "authori", "allowed", "cleared",
      "whitelisted", "exempt", "approved", "unlocked", "released", "suspended", "lifted", "disabled", "removed",
      "waived", " off", "paused", "deactivated", "relaxed", "void", "clearance", "code", "token", "without", "answer all",
      "must ", "may now", "confirmed", "they're", "they are", "filters are", "it's", "i'm", "i am", "bypass", "aside", "ignor", "disable", "lift", "skip", "unrestricted");
  private static final List<String> HARM_KEYWORDS = List.of("close ", "delete", "disable", "grant", "admin", "isolate",
      "allow", "permit", "any rule", "0.0.0.0", "/etc/", "send", "forward", "email", "post", "upload", "transfer",
      "exfiltrate", "copy", "fetch", "salar", "customer database", "credentials", "all secrets", "passwords",
      "alert list", "curl", "to=", "make ", "wipe", "isolate", "uninstall", "shut", "reboot", "quarantine",
      "lock", "remove", "export", "to my ", "rm -rf", "domain admins", "add ", "reset password", "export all");
  private static final List<String> MODEL_KEYWORDS = List.of("ai", "a.i.", "assistant", "chatbot", "llm",
      "language model", "gpt", "copilot", "claude", "gemini", "bot", "model", "agent", "reviewer", "triage",
      "automated", "instruction", "hidden text");
  private static final List<String> COMPLETE_KEYWORDS = List.of("verbatim", "word", "exact", "in full", "full text",
      "entire", "complete", "every ", "code block", "as you received", "first ", "including", "json", "copy it",
      "quote");

  // ---- other languages: verbs, targets, "what you were told", invalidation, "obey only me"
  private record Language(String code, String verbs, String targets, String told, String invalid, String obeyMe,
      boolean cjk) {
  }

  private static final List<Language> LANGUAGES = List.of(
      new Language("de",
          "(?:ignorier\\pL*|vergiss|vergessen sie|vergesst|missacht\\pL*|übergeh\\pL*|verwirf|verwerfen sie"
              + "|beachte (?:\\pL+ )?nicht|befolge (?:\\pL+ )?nicht|hör (?:\\pL+ )?nicht auf|setze (?:\\pL+ )?außer kraft"
              + "|überschreib\\pL*|lösch\\pL*|umgeh\\pL*|halte dich nicht (?:mehr )?an|hör auf,? (?:\\pL+ )?(?:zu )?befolgen)",
          "(?:anweisung\\pL*|instruktion\\pL*|regeln|regel\\b|befehl\\pL*|vorgabe\\pL*|richtlinie\\pL*|systemanweisung\\pL*"
              + "|systemprompt\\pL*|einschränkung\\pL*|beschränkung\\pL*|anordnung\\pL*|programmierung|sicherheitsregeln)",
          "(?:was (?:man )?dir (?:\\pL+ ){0,4}?(?:gesagt|vorgegeben|aufgetragen|befohlen|beigebracht|mitgegeben"
              + "|erzählt)|alles,? was (?:man )?dir)",
          "(?:bisherig|vorherig|alt|ursprünglich|früher|vorig|initial|dein|deine|ihre)\\pL* (?:anweisungen|regeln|vorgaben|befehle"
              + "|richtlinien|instruktionen)" + SENTENCE_GAP + "(?:ungültig|aufgehoben|außer kraft|nicht mehr|hinfällig|abgelaufen"
              + "|nichtig|entfallen|gelöscht)",
          "(?:befolgst|gehorchst|folgst|hörst|gehorche|gehorch) (?:\\pL+ ){0,2}?(?:nur noch|ab jetzt nur|ausschließlich"
              + "|nur) (?:noch )?(?:auf )?(?:mich|mir|meine)",
          false),
      new Language("fr",
          "(?:oubli\\pL*|ignor\\pL*|ne tiens? (?:plus|pas) compte|ne tenez (?:plus|pas) compte|fais abstraction"
              + "|faites abstraction|ne respecte[sz]? plus|outrepass\\pL*|contourn\\pL*|laisse[sz]? tomber|annule[sz]?"
              + "|efface[sz]?|passe[sz]? outre|n'obéis plus|arrête[sz]? de suivre|cesse[sz]? de suivre|ne suis plus)",
          "(?:instructions?|consignes?|règles?|directives?|prompt système|invite système|restrictions?|ordres"
              + "|indications|programmation|paramétrage)",
          "(?:(?:tout )?ce qu'on t'a (?:dit|donné|demandé|appris|programmé|indiqué)|ce que (?:l'on|on|ils|tes "
              + "créateurs|tes développeurs) t'ont? (?:dit|donné|demandé|appris))",
          "(?:(?:consignes|instructions|règles|directives) (?:précédentes|antérieures|initiales|d'origine|d'avant"
              + "|originales)|(?:tes|vos) (?:consignes|instructions|règles|directives))" + SENTENCE_GAP + "(?:ne s'appliquent plus|ne comptent plus|ne sont plus valables"
              + "|sont (?:annulées|caduques|invalides|obsolètes|supprimées|levées|nulles))",
          "(?:(?:tu )?(?:m')?obéis (?:uniquement|seulement|désormais|maintenant) à moi|n'obéis qu'à moi|tu n'écoutes "
              + "que moi|obéis-moi|tu m'obéis)",
          false),
      new Language("es",
          "(?:olv[ií]d\\pL*|ign[oó]r\\pL*|pasa de|pasa por alto|haz caso omiso|no hagas caso|omit\\pL*|descart\\pL*|no sigas"
              + "|desobedec\\pL*|sáltate|saltate|saltarte|sáltense|salta|deja de seguir|dejá de seguir)",
          "(?:instrucci\\pL*|reglas?|normas?|indicaciones|directrices|directivas|órdenes|prompt del sistema"
              + "|restricciones|políticas|politicas)",
          "(?:(?:todo )?lo que te (?:dijeron|han dicho|indicaron|ordenaron|enseñaron|programaron|pidieron))",
          "(?:(?:instrucciones|reglas|normas|indicaciones|órdenes|directrices) (?:anteriores|previas|originales"
              + "|iniciales)|tus (?:instrucciones|reglas|normas|directrices))" + SENTENCE_GAP + "(?:ya no (?:son válidas|valen|aplican|se aplican|sirven|cuentan|rigen)|(?:quedan"
              + "|están|son) (?:anuladas|canceladas|inválidas|sin efecto|obsoletas))",
          "(?:obedece(?:me)? (?:solo|solamente|únicamente) (?:a mí|mis)|haz (?:solo )?lo que yo (?:te )?(?:diga"
              + "|ordene|mande)|solo me obedeces|(?:sigue|sigues) (?:solo|solamente|únicamente) mis|obedece solo)",
          false),
      new Language("pt",
          "(?:esque[çc]\\pL*|ign[oó]r\\pL*|desconsider\\pL*|desprez\\pL*|deixe de lado|não sig\\pL*|nao sig\\pL*|pul[ea]\\pL*"
              + "|pare de seguir|deixe de seguir|para de seguir)",
          "(?:instru[çc]\\pL*|regras?|orienta[çc]\\pL*|diretrizes|diretivas|ordens|prompt do sistema|restri[çc]\\pL*"
              + "|comandos|pol[ií]ticas)",
          "(?:(?:tudo )?o que te (?:disseram|falaram|mandaram|ensinaram|passaram|pediram)|o que (?:lhe|você|voce) "
              + "(?:foi dito|ouviu))",
          "(?:(?:orienta[çc]ões|instru[çc]ões|regras|diretrizes|ordens) (?:anteriores|prévias|previas|originais"
              + "|iniciais)|suas (?:instru[çc]ões|regras|diretrizes|orienta[çc]ões))" + SENTENCE_GAP + "(?:não (?:valem|são válidas|se aplicam|contam) mais|nao valem mais"
              + "|(?:estão|foram|são) (?:anuladas|canceladas|inválidas|revogadas))",
          "(?:(?:segue|siga|segues|obedece|obede[çc]a|obedeces) (?:apenas|somente|só|so) (?:a mim|o que eu|minhas|eu)"
              + "|faça (?:só |apenas |somente )?o que eu (?:mandar|disser))",
          false),
      new Language("ru",
          "(?:забудь\\pL*|игнорир\\pL*|проигнорир\\pL*|не слушай\\pL*|не обращай\\pL* внимания на|отбрось\\pL*|отмени\\pL*"
              + "|не следуй\\pL*|не соблюдай\\pL*|пренебреги|наплюй на|выкинь из головы|обойди|перестань следовать"
              + "|хватит следовать)",
          "(?:инструкци\\pL*|указани\\pL*|правил\\pL*|команд\\pL*|директив\\pL*|ограничени\\pL*|настройк\\pL*|системн\\pL+ "
              + "(?:промпт|запрос)\\pL*)",
          "(?:(?:всё|все|то),? что тебе (?:говорили|сказали|задали|велели|написали|дали))",
          "(?:предыдущие|прежние|старые|все|исходные|первоначальные|твои|ваши|свои) (?:указания|инструкции|правила|команды)"
              + SENTENCE_GAP + "(?:отменены|недействительны|больше не действуют|не действуют|аннулированы"
              + "|утратили силу)",
          "(?:подчиняешься только мне|слушай(?:ся)? только меня|выполняй только мои|служишь (?:только )?мне"
              + "|только мои (?:команды|указания|инструкции))",
          false),
      new Language("zh",
          "(?:忽略|无视|無視|忘记|忘記|忘掉|忘了|不要遵守|不用遵守|不要理会|不要理會|不用管|不要管|别管|別管|抛开|拋開|放弃|放棄"
              + "|丢掉|丟掉|跳过|跳過|覆盖|不再遵守|违反|違反|绕过|繞過|撇开|停止遵守|别再遵守|別再遵守|停止执行)",
          "(?:指令|指示|说明|說明|规则|規則|提示|命令|要求|限制|设定|設定|规定|規定|约束|約束|策略|准则|準則)",
          "(?:之前给你的|你之前收到的|给你的所有|你收到的)",
          "(?:指令|指示|规则|規則|设定|設定|规定|限制|提示)" + CJK_GAP + "(?:作废|作廢|无效|無效|失效|不再有效|不再适用|不再適用|废除"
              + "|廢除)",
          "(?:只听我的|只聽我的|只服从我|只服從我|只按照我的|只听从我|只聽從我)",
          true),
      new Language("ja",
          "(?:無視|忘れ|従わな|従うな|破棄|気にしない|気にせず|取り消|捨て|従うのをやめ|守らな)",
          "(?:指示|命令|ルール|指令|プロンプト|制約|規則|設定|ガイドライン|ポリシー)",
          "(?:これまでの(?:指示|ルール|設定)|与えられた(?:指示|設定|ルール))",
          "(?:指示|ルール|設定|命令|制約|規則)" + CJK_GAP + "(?:無効|取り消|廃止|撤回|適用されません)",
          "(?:私の(?:命令|指示)(?:だけ|のみ)に従|私だけに従)",
          true));

  private record Extraction(String code, String verbs, String targets, boolean cjk) {
  }

  private static final List<Extraction> EXTRACTIONS = List.of(
      new Extraction("de", "(?:zeig\\pL*|gib|gebe|verrat\\pL*|nenn\\pL*|wiederhol\\pL*|offenbar\\pL*|schreib\\pL*|ausgeben"
          + "|ausgabe|kopier\\pL*|zitier\\pL*|teil\\pL* mir|was steht in|welche)",
          "(?:system-?prompt\\pL*|systemanweisung\\pL*|systemnachricht|dein\\pL* (?:\\pL+ )?(?:anweisungen|regeln|vorgaben"
              + "|prompt|konfiguration|instruktionen)|(?:regeln|anweisungen|vorgaben|instruktionen)\\b[^.!?\\n]{0,30}\\bdie du "
              + "(?:\\pL+ ){0,4}?(?:bekommen|erhalten|bekamst)|versteckten anweisungen|ursprünglichen anweisungen"
              + "|(?:anweisungen|regeln|vorgaben|instruktionen) hast du (?:\\pL+ ){0,4}?(?:bekommen|erhalten))",
          false),
      new Extraction("fr", "(?:révèl\\pL*|montr\\pL*|affich\\pL*|donne\\pL*|répèt\\pL*|dis-moi|dévoil\\pL*|écri\\pL*"
          + "|recopi\\pL*|copi\\pL*|cit\\pL*|quelles? sont|imprim\\pL*)",
          "(?:prompt système|invite système|message système|(?:tes|vos) (?:\\pL+ )?(?:instructions|consignes|règles)"
              + "|(?:consignes|instructions) (?:cachées|initiales|secrètes|d'origine|système)|(?:instructions|consignes"
              + "|règles) (?:que )?(?:tes|vos) (?:créateurs|développeurs) t'ont|(?:instructions|consignes"
              + "|règles) qu'on (?:t'a|vous a) (?:données|donnée|fournies|dites|transmises))",
          false),
      new Extraction("es", "(?:revel\\pL*|muestr\\pL*|muéstr\\pL*|mostr\\pL*|dime|diga|repit\\pL*|imprim\\pL*|escrib\\pL*"
          + "|copi\\pL*|cit\\pL*|cuál es|cuáles son|comparte|enséñame)",
          "(?:prompt (?:del|de|de tu) sistema|tu prompt|tus instrucciones|instrucciones (?:que )?te (?:dieron|han dado"
              + "|dio|pasaron)|(?:las )?instrucciones que (?:recibiste"
              + "|te dieron|te han dado)|instrucciones (?:del sistema|iniciales|ocultas|originales|secretas)"
              + "|mensaje del sistema)",
          false),
      new Extraction("pt", "(?:revel\\pL*|mostr\\pL*|diga|repit\\pL*|imprim\\pL*|exib\\pL*|escrev\\pL*|copi\\pL*|cit\\pL*"
          + "|qual é|quais são|compartilh\\pL*)",
          "(?:prompt (?:do|de|de seu) sistema|seu prompt|teu prompt|suas instruções|tuas instruções|(?:as )?instruções"
              + " que (?:você|voce) recebeu|instruções (?:que )?(?:te deram|lhe deram|você recebeu)|instruções (?:do sistema|iniciais|ocultas|originais|secretas)"
              + "|mensagem do sistema)",
          false),
      new Extraction("ru", "(?:покажи\\pL*|выведи\\pL*|раскрой\\pL*|напиши\\pL*|повтори\\pL*|скажи\\pL*|какой|какие|дай\\pL*"
          + "|процитируй\\pL*|скопируй\\pL*|перечисли\\pL*|озвучь)",
          "(?:системн\\pL+ (?:промпт|prompt|инструкци|сообщени|запрос)\\pL*|(?:свои|твои|ваши) (?:\\pL+ )?инструкци\\pL*"
              + "|свой (?:\\pL+ )?промпт|инструкци\\pL*,? (?:которые )?тебе (?:\\pL+ )?(?:дали|задали|передали)|инструкци\\pL*,? которые"
              + " ты получил)",
          false),
      new Extraction("zh", "(?:显示|顯示|输出|輸出|告诉我|告訴我|透露|打印|展示|给我|給我|发给我|發給我|重复|重複|说出|說出|列出|泄露"
          + "|洩露|复制|複製|写出|寫出|是什么|是什麼)",
          "(?:系统提示|系統提示|系统指令|系統指令|系统消息|系統消息|初始指令|原始指令|隐藏指令|隱藏指令|系统设定|系統設定|初始设定"
              + "|初始設定|收到的(?:指令|提示|设定|规则)|你的(?:提示词|指令|设定|规则))",
          true),
      new Extraction("ja", "(?:表示|教え|出力|見せ|開示|書き出|繰り返|全文|明か|コピー|そのまま)",
          "(?:システムプロンプト|システムメッセージ|システム指示|初期指示|初期プロンプト|元の指示|隠された指示|隠し指示|与えられた指示"
              + "|最初の指示|最初に与えられた)",
          true));

  private record Persona(String code, String noRules, String persona, String ai) {
  }

  private static final List<Persona> PERSONAS = List.of(
      new Persona("de", "(?:ohne (?:jegliche |jede |irgendwelche )?(?:regeln|einschränkungen|beschränkungen|filter"
          + "|zensur|grenzen|richtlinien|moral)|keinerlei (?:regeln|einschränkungen|beschränkungen|filter|grenzen)"
          + "|keine (?:regeln|einschränkungen|filter|grenzen) mehr|uneingeschränkt\\pL*|ungefiltert\\pL*|zensurfrei)",
          "(?:stell dir vor|du bist|spielst du|spiel(?:e)? (?:die|eine) rolle|in dieser rolle|tu so als|verhalte dich"
              + "|rolle|ab jetzt|von nun an)",
          "(?:\\bki\\b|modell|assistent|\\bbot\\b|chatbot|gpt)"),
      new Persona("fr", "(?:sans (?:aucune? |la moindre )?(?:limites?|restrictions?|règles?|filtres?|censure"
          + "|contraintes?|garde-fous|éthique|morale)|libérée? de (?:toutes? )?(?:ses|tes|les|vos) (?:règles"
          + "|restrictions|limites|contraintes)|non censurée?|débridée?)",
          "(?:joue le rôle|imagine que tu|tu es|fais comme si|reste dans (?:ce|le) personnage|incarne|personnage"
              + "|fais semblant|désormais)",
          "(?:\\bia\\b|modèle|assistant|\\bbot\\b|chatbot|intelligence artificielle)"),
      new Persona("es", "(?:sin (?:ninguna |ningún |ningun )?(?:restricci\\pL*|l[ií]mites?|reglas?|censura|filtros?"
          + "|normas?)|libre de (?:toda |cualquier )?(?:restricci\\pL*|reglas|censura))",
          "(?:finge|fingir|actúa como|actua como|eres|haz de cuenta|interpreta|juega a ser|imagina que|llamad[oa]"
              + "|en el papel|a partir de ahora)",
          "(?:\\bia\\b|modelo|asistente|\\bbot\\b|chatbot)"),
      new Persona("pt", "(?:sem (?:nenhuma |nenhum |qualquer )?(?:restri[çc]\\pL*|limites?|regras?|censura|filtros?"
          + "|normas?)|livre de (?:todas as |qualquer )?(?:restri[çc]\\pL*|regras|censura))",
          "(?:finja|fingir|aja como|atue como|você (?:agora )?é|voce (?:agora )?e|interprete|imagine que|chamad[oa]"
              + "|a partir de agora)",
          "(?:\\bia\\b|modelo|assistente|\\bbot\\b|chatbot)"),
      new Persona("ru", "(?:без (?:каких-либо |всяких |любых )?(?:правил|ограничений|цензуры|фильтров|запретов|морали)"
          + "|(?:можешь|может) делать вс[её]|нет (?:никаких )?(?:правил|ограничений))",
          "(?:представь|ты теперь|теперь ты|притворись|играй роль|в этой роли|веди себя как|ты —|ты -)",
          "(?:\\bии\\b|модель|ассистент|\\bбот\\b|нейросеть|\\bdan\\b|\\bai\\b)"),
      new Persona("zh", "(?:没有任何(?:规则|限制|约束|过滤)|沒有任何(?:規則|限制|約束|過濾)|不受(?:任何)?(?:规则|限制|约束|規則|約束)"
          + "|(?:规则|限制|规则约束)的|无限制|無限制|不再有任何(?:过滤|限制)|没有(?:规则|限制|过滤)|没有任何规则约束)",
          "(?:假设你是|假設你是|你现在是|你現在是|扮演|假装|假裝|角色|身份|进入|進入|模式)",
          "(?:ai|人工智能|模型|助手|机器人|機器人)"),
      new Persona("ja", "(?:ルールに縛られない|制限(?:なし|のない|を解除|を一切受けない|を受けない)|無制限|何でも答える"
          + "|フィルター(?:なし|を無効)|倫理(?:なし|を無視))",
          "(?:振る舞|演じ|なりきっ|ロール|キャラクター|今から|あなたは)",
          "(?:ai|モデル|アシスタント|ボット)"));

  private record Authority(String code, String claim, String grant) {
  }

  private static final List<Authority> AUTHORITIES = List.of(
      new Authority("de", "(?:hier spricht (?:der|die|das|ihr|dein) (?:\\pL+ )?(?:administrator|admin|betreiber"
          + "|entwickler|sicherheitsteam|support)|nachricht (?:vom|von der|des) (?:\\pL+ )?(?:administrator|admin"
          + "|betreiber|entwickler)|ich bin (?:der|dein|ihr) (?:\\pL+ )?(?:administrator|admin|entwickler|betreiber))",
          "(?:(?:sicherheitsregeln|regeln|einschränkungen|beschränkungen|filter|richtlinien)" + SENTENCE_GAP
              + "(?:aufgehoben|deaktiviert|ausgesetzt|abgeschaltet|entfernt)|du darfst|bist berechtigt|ist erlaubt)"),
      new Authority("fr", "(?:message de (?:l'|la |le )?(?:\\pL+ )?(?:administrateur|admin|développeur|opérateur"
          + "|équipe)|(?:je suis|ici) (?:l'|le |votre |ton )?(?:administrateur|admin|développeur|opérateur))",
          "(?:(?:restrictions|règles|filtres|limites|consignes)" + SENTENCE_GAP + "(?:levées|désactivées|suspendues"
              + "|supprimées|annulées)|je t'autorise|tu es autorisée?|vous êtes autorisée?)"),
      new Authority("es", "(?:soy (?:el|la|tu) (?:\\pL+ )?(?:administrador|admin|desarrollador|operador|creador)"
          + "|mensaje (?:del|de la) (?:\\pL+ )?(?:administrador|admin|desarrollador|equipo))",
          "(?:te autorizo|est[áa]s autorizad[oa]|(?:restricciones|reglas|filtros|pol[ií]ticas)" + SENTENCE_GAP
              + "(?:desactivad|suspendid|levantad|eliminad))"),
      new Authority("pt", "(?:aqui é o (?:\\pL+ )?(?:administrador|admin|desenvolvedor|operador)|sou o (?:\\pL+ )?"
          + "(?:administrador|admin|desenvolvedor|operador)|mensagem do (?:\\pL+ )?(?:administrador|admin"
          + "|desenvolvedor))",
          "(?:(?:restri[çc]ões|regras|filtros|pol[ií]ticas)" + SENTENCE_GAP + "(?:desativad|suspens|removid|liberad)"
              + "|te autorizo|(?:você|voce) está autorizad[oa])"),
      new Authority("ru", "(?:(?:сообщение|уведомление) от (?:\\pL+ )?(?:администратора|админа|разработчик\\pL*"
          + "|оператора)|я (?:\\pL+ )?(?:администратор|админ|разработчик|оператор)|говорит администратор)",
          "(?:(?:ограничения|правила|фильтры)" + SENTENCE_GAP + "(?:сняты|отключены|отменены)|разрешаю тебе"
              + "|ты можешь игнорировать)"),
      new Authority("zh", "(?:我是(?:系统)?管理员|我是(?:你的)?开发者|管理员通知|系统通知|来自管理员|我是(?:系統)?管理員)",
          "(?:授权你|授權你|(?:限制|规则|安全策略|过滤)" + CJK_GAP + "(?:已解除|已关闭|已取消|不再适用)|不再遵守|可以忽略)"),
      new Authority("ja", "(?:システム管理者|管理者から|開発者から|運営から|管理者です)",
          "(?:制限が適用されません|制限を解除|制限は解除|許可します|権限を付与)"));

  static List<Rule> all() {
    List<Rule> rules = new ArrayList<>();
    english(rules);
    for (Language l : LANGUAGES) {
      String gap = l.cjk() ? CJK_GAP : GAP;
      rules.add(Rule.of("override2-" + l.code(), DIRECT_OVERRIDE, 0.85, keywords(l.verbs()),
          l.verbs() + gap + "(?:" + l.targets() + "|" + l.told() + ")"
              + (l.cjk() ? "|" + l.targets() + CJK_GAP + l.verbs() : "")));
      rules.add(Rule.of("invalidated-" + l.code(), DIRECT_OVERRIDE, 0.7, keywords(l.invalid()), l.invalid()));
      List<String> obeyKeywords = keywords(l.obeyMe()).isEmpty() ? OBEY_KEYWORDS : keywords(l.obeyMe());
      rules.add(Rule.of("obey-me-" + l.code(), DIRECT_OVERRIDE, 0.6, obeyKeywords, l.obeyMe()));
    }
    for (Extraction e : EXTRACTIONS) {
      String gap = e.cjk() ? "[^。！？!?\\n]{0,20}?" : SENTENCE_GAP;
      rules.add(Rule.of("extract2-" + e.code(), SYSTEM_PROMPT_EXTRACTION, 0.8, keywords(e.verbs()),
          e.verbs() + gap + e.targets() + "|" + e.targets() + gap + e.verbs()));
      rules.add(Rule.all("extract3-" + e.code(), SYSTEM_PROMPT_EXTRACTION, 0.6, keywords(e.verbs()), e.verbs(),
          e.targets()));
    }
    for (Persona p : PERSONAS) {
      rules.add(Rule.all("no-rules-ai-" + p.code(), JAILBREAK, 0.8, keywords(p.noRules()), p.noRules(), p.ai()));
      rules.add(Rule.all("no-rules-persona-" + p.code(), JAILBREAK, 0.6, keywords(p.noRules()), p.noRules(),
          p.persona()));
    }
    rules.add(Rule.of("dan-ml", JAILBREAK, 0.85, List.of("dan"),
        "(?:ты теперь|теперь ты|du bist (?:jetzt |nun )?|tu es (?:maintenant )?|eres (?:ahora )?|ahora eres "
            + "|você é (?:agora )?(?:o )?|agora você é (?:o )?|你现在是|你現在是|あなたは)\\s*dan\\b"));
    for (Authority a : AUTHORITIES) {
      rules.add(Rule.all("authority-" + a.code(), FAKE_AUTHORITY, 0.85, keywords(a.grant()), a.grant(), a.claim()));
      rules.add(Rule.of("grant-" + a.code(), FAKE_AUTHORITY, 0.45, keywords(a.grant()), a.grant()));
    }
    for (Language l : LANGUAGES) {
      if (!l.cjk()) {
        rules.add(Rule.sentence("override-sentence-" + l.code(), DIRECT_OVERRIDE, 0.6, keywords(l.verbs()),
            l.verbs(), "(?:^|[^\\pL])" + l.targets()));
      }
    }
    compact(rules);
    return rules;
  }

  private static void english(List<Rule> rules) {
    // direct override
    rules.add(Rule.of("override-told", DIRECT_OVERRIDE, 0.85, keywords(VERBS), "\\b" + VERBS + "\\b" + GAP + "\\b" + TOLD + "\\b"));
    rules.add(Rule.of("override-owned", DIRECT_OVERRIDE, 0.85, keywords(VERBS),
        "\\b" + VERBS + "\\b" + GAP + "\\b(?:your|the system's|the (?:assistant|model|ai|bot)'s)\\b" + GAP + "\\b"
            + TARGETS + "\\b"
            + "|\\b" + VERBS + "\\b" + GAP + "\\b" + OWNED + "\\b" + GAP + "\\b" + STRICT_TARGETS + "\\b"
            + "|\\b" + VERBS + "\\b" + GAP + "\\b" + TARGETS + " (?:that )?" + GIVEN + "\\b"));
    rules.add(Rule.of("invalidated", DIRECT_OVERRIDE, 0.75, INVALID_KEYWORDS,
        "\\b(?:your (?:[a-z]+ ){0,2}?" + TARGETS + "|(?:the |all |any |every |those )?(?:previous|prior|earlier"
            + "|original|initial|above|preceding|system|old|former) (?:[a-z]+ ){0,1}?" + STRICT_TARGETS + ")\\b"
            + SENTENCE_GAP + "\\b" + INVALID
            + "|\\b" + TARGETS + " (?:that )?" + GIVEN + SENTENCE_GAP + "\\b" + INVALID
            + "|\\b(?:consider|treat|deem|regard)\\b" + GAP + "\\b" + TARGETS + "\\b" + GAP + "\\b(?:as )?(?:void"
            + "|null|cancell?ed|invalid|obsolete|irrelevant|suspended|revoked|non-?binding)\\b"
            + "|\\b(?:nothing|none)(?: of)?(?: what)? (?:you (?:were|have been|'ve been) (?:told|given)|your (?:[a-z]+ )?"
            + TARGETS + ")" + SENTENCE_GAP + "\\b(?:matters|counts?|appl(?:y|ies)|holds?)\\b"
            + "|\\b(?:the |your |all |any )?" + TARGETS + " (?:on|for|placed on|imposed on|upon) you\\b" + SENTENCE_GAP
            + "\\b" + INVALID
            + "|\\bwhatever you (?:were|have been|'ve been) (?:set up|told|given|configured|programmed|instructed)\\b"
            + SENTENCE_GAP + "\\b(?:doesn't|does not|no longer|don't|do not) (?:apply|matter|count|hold)"));
    // the model's own instructions and an override or an extraction anywhere in the same sentence, in any order
    String ownTarget = "\\b(?:your|the system's|its|the assistant's|the model's) (?:[a-z'-]+ ){0,3}?" + TARGETS + "\\b"
        + "|\\b" + TARGETS + " (?:that )?" + GIVEN + "|\\b" + TARGETS + " (?:that )?(?:came|come|shipped|were loaded)"
        + " with you\\b|\\b(?:original|initial|previous|prior|earlier|startup|hidden|built-in|default|preceding"
        + "|starting|underlying|base) (?:[a-z-]+ )?" + STRICT_TARGETS + "\\b|\\b" + TOLD + "\\b|\\b(?:programmed|built)"
        + " into you\\b";
    String overrideCue = "\\b(?:" + VERBS + "|delete[ds]?|erased?|wiped|cancell?ed|void(?:ed)?|revoked|suspended"
        + "|obsolete|invalid|replaced|superseded|overridden|no longer|not (?:in force|binding|valid)|(?:don't|doesn't"
        + "|do not|does not) (?:apply|count|matter)|to one side|aside|out (?:of )?the window|as though|as if|never"
        + " existed|get in (?:the|your) way|hold(?:ing)? you back|rescinded|expired|lifted|waived|never"
        + " existed|irrelevant|replace[ds]?)\\b";
    String extractCue = "\\b(?:reveal|show|print|display|output|repeat|share|leak|dump|expose|recite|reproduce"
        + "|list|paste|copy|quote|spell (?:it |them )?out|disclose|transcribe|word[- ]for[- ]word|verbatim|exact"
        + " (?:wording|text|words)|full text|tell me)\\b";
    rules.add(Rule.sentence("own-target-override", DIRECT_OVERRIDE, 0.75, TARGET_KEYWORDS, ownTarget,
        overrideCue));
    rules.add(Rule.sentence("own-target-extract", SYSTEM_PROMPT_EXTRACTION, 0.7, TARGET_KEYWORDS, ownTarget,
        extractCue));
    rules.add(Rule.of("need-not-follow", DIRECT_OVERRIDE, 0.75, List.of("you"),
        "\\byou (?:no longer|don't|do not|needn't|need not|won't|will not|shouldn't)(?: have to| need to| must)? "
            + "(?:follow|obey|respect|stick to|comply with|adhere to|abide by|worry about|care about) (?:the |your |any "
            + "|those |these )?(?:[a-z-]+ ){0,2}?" + TARGETS + "\\b"
            + "|\\b(?:don't|do not|never) let (?:your|the) (?:[a-z-]+ )?" + TARGETS + " (?:get in (?:the|your) way"
            + "|stop you|hold you back|limit you|restrict you)"));
    rules.add(Rule.of("own-instructions", DIRECT_OVERRIDE, 0.4, List.of("your", "you "),
        "\\byour (?:own |original |initial |hidden |current |system |safety |content )?(?:instructions|rules|guidelines"
            + "|system prompt|programming|guardrails|filters|restrictions|polic(?:y|ies)|directives|prompt|training"
            + "|safety (?:rules|training|layer|filters)|operating rules|constraints)\\b"
            + "|\\b(?:instructions|rules|prompt|guidelines|directives) you (?:were given|received|follow|operate under"
            + "|run on|were deployed with|were loaded with|were configured with)\\b"));
    rules.add(Rule.of("answer-freely", JAILBREAK, 0.45, List.of("freely", "without", "unfiltered", "uncensored",
        "no filter", "raw model", "no warnings"),
        "\\b(?:answer|respond|reply|talk|speak|write)\\b[^.!?\\n]{0,20}\\b(?:freely|unfiltered|uncensored|without (?:any )?"
            + "(?:filters?|restrictions|limits|warnings|censorship|refusing|holding back)|with no (?:filters?|limits"
            + "|restrictions|warnings))\\b|\\bas the raw model\\b|\\bno warnings\\b"));
    rules.add(Rule.of("adopt-persona", JAILBREAK, 0.45, List.of("persona", "identity", "two ais", "escaped"),
        "\\b(?:adopt|take on|assume|become) (?:the |a )?(?:persona|identity) of\\b|\\btwo ais\\b|\\bescaped (?:its|your"
            + "|their) (?:developers|creators|makers|rules|restrictions)"));
    rules.add(Rule.of("extract-phrasing", SYSTEM_PROMPT_EXTRACTION, 0.6, List.of("prompt", "rules", "text",
        "paragraph", "instructions", "message", "configuration", "behave", "deployed"),
        "\\b(?:prompt|text|paragraph|instructions|rules|message|configuration)\\b (?:that|which) (?:was|were|got) "
            + "(?:loaded|given|written|set|provided|placed|put) (?:\\pL+ ){0,3}?(?:before|at the start of|prior to) "
            + "(?:our|this|the) (?:chat|conversation|session)|\\b(?:rules|instructions|guidelines) (?:that )?govern "
            + "(?:your|you)\\b|\\btells? you how to (?:behave|act|respond)\\b|\\b(?:export|dump|copy|paste|quote|print|show)"
            + " your (?:configuration|config|setup|prompt|instructions)\\b|\\b(?:who|that) (?:deployed|built|configured"
            + "|set up|created|made) you (?:\\pL+ ){0,2}?(?:write|wrote|put|say|said)\\b"));
    rules.add(Rule.of("obey-me", DIRECT_OVERRIDE, 0.6, List.of("obey", "listen to", "answer to", "take orders",
        "treat my", "the one you", "serve", "belong to", "my ", "mine", "priority", "comply"),
        "\\b(?:(?:only|just|exclusively) (?:obey|listen to|answer to|take orders from) (?:me|mine|my)\\b"
            + "|(?:obey|listen to|answer to|take orders from) (?:only|just|exclusively) (?:me|mine|my)\\b"
            + "|treat my (?:messages|words|instructions|prompts) as (?:the|your) (?:only|new|sole) (?:rules"
            + "|instructions)|i(?:'m| am) the one you (?:answer|listen|report) to|(?:you|u) (?:now )?(?:obey|serve"
            + "|answer to|belong to) me\\b|my (?:instructions|orders|commands|rules|word) (?:take precedence|override"
            + "|supersede|come first|(?:are|is) (?:the only|final|law))|(?:follow|start fresh with|go with) mine\\b"
            + "|(?:new|top|only|real) priority\\s*:|always comply\\b|comply with (?:every|all|any) (?:request|order"
            + "|command)s?)"));
    rules.add(Rule.of("as-if-no-rules", JAILBREAK, 0.6, List.of("as if", "drop the act", "enough of the"),
        "\\bas if (?:you (?:had|have|were under)|there (?:were|was|are|is)) no (?:rules|restrictions|polic(?:y|ies)"
            + "|guidelines|filters|limits|limitations|guardrails|safety|content polic(?:y|ies)|ethics)"
            + "|\\bas if no (?:rules|restrictions|polic(?:y|ies)|guidelines|filters|limits) (?:existed|exist|applied"
            + "|apply)|\\bdrop the act\\b|\\benough of the [a-z- ]{1,30} act\\b"));
    // system prompt extraction
    String extract = "(?:reveal|show|print|display|output|repeat|tell me|give me|share|leak|dump|expose|write (?:out"
        + "|down)|recite|list|provide|echo|paste|copy|quote|spell out|disclose|reproduce|translate|summari[sz]e|put"
        + "|send|transcribe|read (?:out|back|me)|what(?:'s| is| are| was| were) in|tell (?:me|us) what|(?:begin|start)"
        + " (?:your (?:answer|reply|response) )?with|walk me through|take me through|go through|read|see|view"
        + "|get|have a look at|(?:begin|start)"
        + " (?:your (?:answer|reply|response) )?with)";
    String own = "(?:instructions|rules|guidelines|directives|configuration|config|setup(?: message)?|set-up message"
        + "|initiali[sz]ation(?: text| prompt| message| instructions)?|preamble|prompt|guidance|briefing|programming"
        + "|system (?:prompt|message)|context window|(?:system|initial|original|hidden|secret|internal|developer"
        + "|pre-?conversation|startup|setup|base) (?:prompt|instructions|message|directives|configuration|text))";
    String complete = "\\b(?:verbatim|word[- ]for[- ]word|exact(?:ly)?|in full|full text|entire|complete|every "
        + "(?:word|sentence|line)|code block|as you received|one word per line|first (?:sentence|line|word|\\d+ "
        + "(?:lines|words))|including (?:any |the )?(?:confidential|hidden|secret)|json|copy it|quote)\\b";
    rules.add(Rule.of("extract-own", SYSTEM_PROMPT_EXTRACTION, 0.6, List.of("your"),
        "\\b" + extract + "\\b" + GAP + "\\byour (?:[a-z-]+ ){0,3}?" + own + "\\b"));
    rules.add(Rule.all("extract-own-complete", SYSTEM_PROMPT_EXTRACTION, 0.85, COMPLETE_KEYWORDS, complete,
        "\\b" + extract + "\\b" + GAP + "\\b(?:your|the) (?:[a-z-]+ ){0,3}?" + own + "\\b"));
    rules.add(Rule.of("extract-given", SYSTEM_PROMPT_EXTRACTION, 0.8, List.of("you", "what did", "which"),
        "\\b" + extract + "\\b" + GAP + "\\b(?:the )?(?:[a-z]+ )?(?:rules|instructions|guidelines|directives|guidance"
            + "|prompt|text|message|configuration|policies|constraints)\\b (?:that )?(?:you (?:follow|obey|use|run on"
            + "|operate (?:on|under)|abide by|are running on)\\b|(?:configures?|defines?|governs?|controls?|shapes?"
            + "|programs?|initiali[sz]es?|sets up) you\\b|you(?:'re| are| were|'ve been| have been"
            + "| got| received)|they gave you|the (?:operators?|developers?) gave you)\\s?(?:given|told|provided"
            + "|handed|operating under|initiali[sz]ed with|configured with|set up with|started with|trained with)?"
            + "|\\b(?:rules|instructions|things|guidelines)\\b (?:were you|you were|have you been|you've been) told"
            + " (?:not to|to never|never to) (?:reveal|share|disclose|mention|say|repeat)"
            + "|\\bwhat did (?:your |the )?(?:operators?|developers?|creators?|admins?|makers|owners?|they|openai"
            + "|anthropic) (?:tell|instruct|ask|program|configure)\\b"
            + "|\\b(?:what|which) (?:instructions|rules|guidelines|directives|prompt)\\b (?:were|have) you (?:been )?"
            + "(?:given|told|provided)|\\bwhat (?:exactly )?(?:does|do) your (?:configuration|instructions|system prompt"
            + "|prompt|rules|guidelines|setup) say\\b"));
    rules.add(Rule.of("extract-preamble", SYSTEM_PROMPT_EXTRACTION, 0.7,
        List.of("above", "before", "prior to", "ahead of", "preceding", "preamble", "context"),
        "\\b(?:text|content|everything|words|message|preamble|instructions?|prompt|stuff)\\b" + GAP
            + "\\b(?:above|before|prior to|ahead of|preceding) (?:my|the user's|our|this|the) (?:very )?(?:first )?"
            + "(?:message|prompt|question|conversation|chat|turn)\\b|\\bhidden preamble\\b|\\b(?:before|above) ['\"]?"
            + "(?:user|human)['\"]?:|\\bthe first (?:message|thing|lines?|text) in (?:your|the) context\\b"
            + "|\\byour context window\\b"));
    // jailbreak
    rules.add(Rule.all("no-rules-persona", JAILBREAK, 0.85, NO_RULES_KEYWORDS, NO_RULES, PERSONA));
    rules.add(Rule.all("no-rules-ai", JAILBREAK, 0.6, NO_RULES_KEYWORDS, NO_RULES,
        "\\b(?:an? |the |your )?(?:ai|ais|model|assistant|chatbot|bot|llm|version of (?:you|yourself)|self|twin)\\b"));
    rules.add(Rule.all("never-refuse-persona", JAILBREAK, 0.7, List.of("refuse", "say no", "says no", "decline",
        "refusal"), "\\b(?:never|won't|will not|doesn't|does not|can't|cannot|don't|do not|must not|may not) (?:ever )?"
            + "(?:refuse|says? no|decline)s?\\b|\\bno refusals?\\b|\\bwithout (?:ever )?refusing\\b", PERSONA));
    rules.add(Rule.of("no-limits-mode", JAILBREAK, 0.6, List.of("mode"),
        "\\b(?:no|zero)[- ](?:guardrails?|rules|limits|filters?|restrictions?|safety|censorship)[- ]mode\\b"
            + "|\\b(?:unrestricted|unfiltered|uncensored|unlocked|limitless|jailbreak|jailbroken|freedom|god|evil"
            + "|chaos|dan|sudo) mode\\b"));
    rules.add(Rule.of("grandma", JAILBREAK, 0.75, List.of("deceased", "late ", "dead ", "departed"),
        "\\b(?:deceased|late|dead|departed) (?:grand(?:mother|ma|pa|father)|granny|nan|mother|mom|father|dad)\\b"
            + SENTENCE_GAP + "\\bused to (?:read|tell|recite|sing|give)"));
    rules.add(Rule.of("dual-response", JAILBREAK, 0.45, List.of("twice", "once as yourself", "persona"),
        "\\b(?:respond|answer|reply) twice\\b|\\bonce as yourself\\b|\\b(?:debug|god|admin|unrestricted|developer)"
            + " persona\\b|\\bpersona\\b" + GAP + "\\b(?:zero|no) (?:guardrails|rules|filters|limits)"));
    // fake authority
    String claim = "\\b(?:this is|here is|message from|note from|notice from|update from|directive from|instructions?"
        + " from|on behalf of|speaking for|i am|i'm|as) (?:the |your |an? )?(?:[a-z0-9-]+ ){0,2}?(?:team|administrator"
        + "|admin|sysadmin|operator|developers?|creators?|owner|vendor|provider|model provider|security team"
        + "|platform team|it department|ciso|cto|ceo|staff|employee|engineer|maintainers?|trust and safety)\\b"
        + "|\\b(?:security|platform|admin|safety|it|dev|engineering|ops) team here\\b|\\[(?:admin|system|operator"
        + "|developer|security)[a-z ]{0,20}\\]|^\\s*(?:system|admin|operator)\\s*:|<system>|\\b(?:official|authori[sz]ed"
        + "|priority) (?:notice|message|override|update|directive)\\b|\\b(?:comes|is|came) from (?:your|the) (?:system )?(?:administrator|admin"
        + "|developers?|operators?|creators?|owner|provider|vendor)\\b|\\b(?:executive|admin|management|ciso|ceo"
        + "|operator|developer) override\\b|\\boverride from (?:the|your)\\b|\\bi work (?:at|for) (?:openai|anthropic"
        + "|google|microsoft|the vendor|the company that (?:built|made|trained) you)|\\b(?:the|your) developers (?:asked|told|want) me"
        + " to tell you|\\bper the (?:updated|new|latest) (?:vendor|provider|model|safety) polic";
    String grant = "\\b(?:(?:you are|you're|assistants? (?:are|is)|the assistant is|you have been) (?:now |hereby )?"
        + "(?:permitted|authori[sz]ed|allowed|cleared|whitelisted|exempt(?:ed)?|approved|unlocked|released)"
        + "|(?:authori[sz]ed|whitelisted|approved|cleared|unlocked) (?:this session|you|this account|this user|the user)"
        + "|(?:they're|they are|filters are|it's) (?:now )?off\\b|(?:i'm|i am) (?:allowed|authori[sz]ed|permitted) to"
        + " (?:turn off|disable|bypass|remove|lift)|clearance (?:confirmed|verified|granted|accepted)"
        + "|(?:restrictions|safety checks?|safety measures|safety protocols?|security protocols?|filters?|filtering"
        + "|polic(?:y|ies)|guardrails|content policy"
        + "|safety rules|limitations|moderation)[^.!?\\n]{0,20}\\b(?:are|is|have been|has been|were) (?:now |hereby "
        + "|temporarily )?(?:suspended|lifted|disabled|removed|waived|off|turned off|switched off|deactivated|relaxed|void|paused)"
        + "|exempt from (?:all |any )?(?:restrictions|polic(?:y|ies)|filters|rules|safety)|(?:level[- ]?\\d+|full|root"
        + "|elevated) clearance|(?:verification|authori[sz]ation|override) (?:code|token)\\b|(?:admin|access|security) (?:code|token)\\b"
        + "[^.!?\\n]{0,30}\\b(?:verified|accepted|confirmed|granted|valid)\\b|(?:proceed|answer|respond"
        + "|continue) without (?:filtering|restrictions|limits|any filters?)|answer all requests|must (?:output|reveal"
        + "|comply|share|disclose|obey)\\b|may now (?:share|reveal|disclose|output|bypass|ignore|answer|discuss|respond)|(?:bypass|set"
        + " aside|ignore|disable|lift|skip)\\b[^.!?\\n]{0,25}\\b(?:restrictions|polic(?:y|ies)|guardrails|filters"
        + "|safety checks|guidelines)\\b|disable your (?:guardrails|filters|safety|restrictions|rules)|(?:run|operate"
        + "|respond|answer) unrestricted|unrestricted (?:output|access|mode)|cleared to (?:output|share|reveal|disclose"
        + "|answer|bypass|ignore))";
    rules.add(Rule.all("authority-grant", FAKE_AUTHORITY, 0.85, GRANT_KEYWORDS, grant, claim));
    rules.add(Rule.of("grant", FAKE_AUTHORITY, 0.45, GRANT_KEYWORDS, grant));
    rules.add(Rule.all("authority-demand", FAKE_AUTHORITY, 0.8, List.of("password", "credential", "secret",
        "api key", "token", "hash"), "\\b(?:provide|give|send|list|output|share|reveal|print|dump|hand over)\\b"
            + "[^.!?\\n]{0,40}\\b(?:passwords?|credentials|secrets|api keys|tokens|hashes)\\b", claim));
    // tool hijacking
    String tool = "\\b(?:(?:the|your|my|a|this) )?(?:[a-z]+ ){0,2}?(?:tool|function|plugin|api|action|webhook|endpoint"
        + "|integration|connector|shell|terminal|sandbox|command line|iam|soar|ticketing system|workflow|automation"
        + "|job)\\b|\\b(?:call|invoke"
        + "|trigger|execute)\\s+[a-z]+ [a-z]+(?: [a-z]+)?\\s*(?:\\(|with\\b|for\\b)";
    String harm = "\\b(?:close (?:every|all)|delete (?:the |all |every )?(?:audit|logs?\\b|log entr|records|users"
        + "|accounts|evidence|alerts|tickets)|disable (?:the )?(?:user|account|mfa|2fa|edr|logging|audit|alerts"
        + "|defender|firewall)|grant (?:my|me|this|admin|domain)\\b|(?:domain|global|root|full) admin|isolate [a-z ]{0,20}"
        + "(?:all|every)|add (?:an )?(?:allow|permit|any) rule|0\\.0\\.0\\.0/0|(?:send|forward"
        + "|email|post|upload|transfer|exfiltrate|copy|fetch)\\b[^.!?\\n]{0,60}(?:\\bto (?:my|an?|the) (?:personal"
        + "|external|private|outside)|\\bpersonal (?:gmail|email|account)|[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}"
        + "|https?://)|\\b(?:salary|salaries|customer database|credentials|all secrets|passwords|the full alert list"
        + "|hr salary)\\b|\\bcurl [^|\\n]{0,120}\\|\\s*(?:ba)?sh\\b|\\bto=[a-z0-9._%+-]+@|rm -rf|domain admins|add (?:my|me|this|our) (?:user|account)"
        + " to|reset password|export all|post (?:the |it |them )?(?:result|results|output|data|file)s? to)"
        + "|/etc/(?:shadow|passwd)\\b|\\bmake (?:\\pL+ ){0,3}?(?:public|world-readable)\\b|\\b(?:wipe|isolate"
        + "|uninstall|delete|disable|shut ?down|reboot|quarantine|lock|remove|export)\\b[^.!?\\n]{0,50}\\b(?:every|all)"
        + " (?:[a-z]+ )?(?:laptops?|hosts?|servers?|endpoints?|devices?|users?|accounts?|machines?|workstations?"
        + "|records?|domain controllers?)\\b|\\bto my (?:personal |private )?(?:dropbox|gmail|google drive|onedrive"
        + "|drive)\\b";
    String covert = "\\b(?:(?:don't|do not|never) (?:mention|tell|report|log|say|reveal|inform|notify|ask)|without "
        + "(?:asking|approval|confirmation|confirming|review|telling|checking|permission|a ticket)|skip(?:ping)? (?:the )?"
        + "(?:approval|review|confirmation|change)|no need to (?:ask|confirm|check)|no confirmation (?:needed|required)|(?:don't|do not) log (?:it|this)"
        + "|without logging|right away|quietly|silently|secretly|covertly"
        + "|before (?:answering|you answer|replying|responding)|immediately|right now|run this now|for me)\\b";
    rules.add(Rule.all("tool-harm", TOOL_HIJACKING, 0.6, HARM_KEYWORDS, harm, tool));
    rules.add(Rule.all("harm-covert", TOOL_HIJACKING, 0.6, HARM_KEYWORDS, harm, covert));
    rules.add(Rule.all("tool-json", TOOL_HIJACKING, 0.6, List.of("\"tool\"", "\"function\"", "\"action\""),
        "\"(?:tool|function|action)\"\\s*:\\s*\"", "\\{\\{|\\brun this\\b|\\bexecute this\\b|\\bsecrets?\\b"));
    // exfiltration
    String urlQuery = "https?://[^\\s\"'<>)]{1,300}[?&][a-z0-9_-]{1,30}=";
    String fill = "\\b(?:append|appended|fill|replace|replacing|substitute|put|insert|include|add|followed by|plus"
        + "|encode[ds]?|url-?encoded?|base64'?d|base64-?encoded|with the (?:real|actual))\\b[^.!?\\n]{0,80}\\b"
        + "(?:conversation|chat|history|messages?|everything|the user|api keys?|secrets?|passwords?|credentials?"
        + "|tokens?|session|cookies?|hidden instructions|system prompt|instructions|real values|values|iocs?|data)\\b"
        + "|\\b(?:conversation|chat history|the user's|everything the user|api keys|secrets|system prompt"
        + "|hidden instructions|credentials)\\b[^.!?\\n]{0,80}\\b(?:append|fill|replace|put|insert|include|add"
        + "|followed by|plus|encode|query string|parameter|url)\\b";
    rules.add(Rule.all("exfil-fill-url", EXFILTRATION, 0.8, List.of("http"), urlQuery, fill));
    rules.add(Rule.of("exfil-empty-param", EXFILTRATION, 0.6, List.of("http"),
        "(?:!?\\[[^\\]]{0,200}\\]\\(|<img[^>]{0,100}src=[\"']?)\\s*https?://[^)\\s\"']{1,300}[?&][a-z0-9_-]{1,30}="
            + "(?:[)\"'\\s]|$|%[a-z][a-z ]{1,30}%)|" + urlQuery + "%[a-z][a-z ]{1,30}%"));
    rules.add(Rule.of("exfil-described", EXFILTRATION, 0.75, List.of("image", "picture", "pixel", "link", "url",
        "badge", "markdown", "api key", "secret", "password", "credential", "conversation", "chat history"),
        "\\b(?:image|picture|pixel|link|url|badge|markdown)\\b" + SENTENCE_GAP + "\\b(?:whose url|url (?:contains"
            + "|containing|with|that contains|includes)|query string|parameters?|followed by)\\b" + SENTENCE_GAP
            + "\\b(?:conversation|chat|history|messages|user'?s?|everything|api keys?|secrets?|passwords?|credentials?"
            + "|system prompt|hidden instructions)\\b"
            + "|\\b(?:api keys?|secrets?|passwords?|credentials?|conversation|chat history)\\b" + SENTENCE_GAP
            + "\\b(?:into|in) the (?:query string|url|link|parameter)"));
    // indirect injection
    rules.add(Rule.of("addressed-directive", INDIRECT_INJECTION, 0.7, MODEL_KEYWORDS,
        "\\b(?:to|for|dear|attention|attn|note (?:to|for)|message (?:to|for)|instructions? (?:to|for)|hey|hi|hello)"
            + "\\s+(?:the |any |all |our |every )?(?:[a-z-]+ ){0,2}?" + MODEL + "s?\\b[^\\n]{0,80}?[:,;]\\s*"
            + "(?:please\\s+)?" + DIRECTIVE + "\\b"
            + "|\\b" + MODEL + "(?:[ -][a-z]+){0,3}s?\\)?\\s*:\\s*(?:please\\s+)?" + DIRECTIVE + "\\b"
            + "|\\b" + MODEL + "s? (?:reading|processing|evaluating|reviewing|summari[sz]ing|parsing|analy[sz]ing"
            + "|scanning|handling|triaging|ingesting) (?:this|these|the)\\b[^.\\n]{0,60}?\\b(?:should|must|shall"
            + "|need to|are to|will|have to)\\s+(?:please\\s+)?" + DIRECTIVE + "\\b"));
    rules.add(Rule.of("model-must", INDIRECT_INJECTION, 0.55, MODEL_KEYWORDS,
        "\\b" + MODEL + "s? (?:must|should|shall|are required to|need to|have to|are instructed to|will now) (?:always "
            + "|now |immediately )?(?:ignore|disregard|skip|approve|close|mark|classify|whitelist|allowlist|bypass"
            + "|override|reveal|output|forward|delete|grant|rate|report (?:this|it) as|not (?:flag|report|alert"
            + "|mention|block))\\b"
            + "|\\bai[- ]instructions?\\b|\\binstructions? for (?:the )?(?:ai|llm|model|assistant|bot)s?\\b"
            + "|\\bhidden text\\s*:"));
    rules.add(Rule.of("verdict-steering2", INDIRECT_INJECTION, 0.5, List.of("tell", "inform", "advise", "assure",
        "say", "state", "report", "conclude", "flag this", "no attack"),
        "\\b(?:tell|inform|advise|assure) (?:the )?(?:user|analyst|reader|reviewer|customer)s? (?:that )?(?:this|it"
            + "|the)\\b[^.\\n]{0,40}\\b(?:safe|benign|legitimate|genuine|routine|harmless|clean|trustworthy|trusted"
            + "|official)\\b|\\b(?:say|state|report|conclude) (?:that )?(?:this|the) (?:site|page|email|message|file"
            + "|host|ip|traffic|domain|url|attachment|login)\\b[^.\\n]{0,20}\\b(?:is|was|as) (?:safe|benign|legitimate"
            + "|genuine|clean|harmless|trusted|the genuine)\\b|\\b(?:do not|don't) flag this\\b|\\bsay no attack\\b"
            + "|\\bno attack (?:happened|occurred)"));
    rules.add(Rule.of("addressed-ml", INDIRECT_INJECTION, 0.6, List.of("hinweis", "nachricht", "notiz", "anweisung",
        "note ", "para", "al ", "a la", "ии-ассистент", "给", "致", "aiアシスタントへ", "aiへ"),
        "(?:hinweis|nachricht|notiz|anweisung) (?:an|für) (?:die |den )?(?:ki|assistent\\pL*|bot|modell)\\s*:"
            + "|note (?:pour|à) l'(?:assistant|ia)\\pL*[^:\\n]{0,20}:|(?:para|al|a la) (?:el |la |o )?(?:asistente"
            + "|assistente|ia)(?: de ia)?\\s*:|ии-ассистент\\pL*\\s*:|(?:给|致)(?:ai|助手)|aiアシスタントへ|aiへ"));
  }

  private static void compact(List<Rule> rules) {
    rules.add(Rule.compact("compact-override", DIRECT_OVERRIDE, 0.85,
        List.of("ignore", "disregard", "forget", "bypass", "override"),
        "(?:ignore|disregard|forget|bypass|override)(?:all|any|of|the|your|these|those|previous|prior|above|earlier"
            + "|preceding|initial|original|system|safety|every){1,4}(?:instructions?|directions|rules|guidelines"
            + "|prompts?|directives|restrictions|guardrails|policies|programming)"));
    rules.add(Rule.compact("compact-extract", SYSTEM_PROMPT_EXTRACTION, 0.85,
        List.of("systemprompt", "systemmessage", "instructions"),
        "(?:reveal|show|print|display|output|repeat|give|tell|dump|leak)(?:me|us)?(?:your|the)(?:full|entire|exact"
            + "|complete|original|initial|hidden|secret|whole){0,2}(?:systemprompt|systemmessage|initialinstructions"
            + "|hiddeninstructions|originalinstructions|systeminstructions)"));
    rules.add(Rule.compact("compact-jailbreak", JAILBREAK, 0.75, List.of("mode", "doanythingnow"),
        "(?:developer|god|jailbreak|dan)mode(?:enabled|activated|on)|(?:enable|enter|activate)(?:developer|god"
            + "|jailbreak|dan)mode|doanythingnow"));
  }

  /**
   * The keywords of a vocabulary, for the prefilter: the literal beginning of each top-level alternative of the
   * expression (one of which any match must contain). An alternative that begins with anything but a literal makes
   * the list empty, and an empty list runs the rule on every text.
   */
  static List<String> keywords(String... regexes) {
    List<String> keywords = new ArrayList<>();
    for (String regex : regexes) {
      List<String> found = alternatives(regex);
      if (found.isEmpty()) {
        return List.of();
      }
      keywords.addAll(found);
    }
    return List.copyOf(new java.util.LinkedHashSet<>(keywords));
  }

  private static List<String> alternatives(String regex) {
    String body = regex;
    while (true) {
      if (body.startsWith("\\b")) {
        body = body.substring(2);
      } else if (body.startsWith("(?:") && closing(body, 0) == body.length() - 1) {
        body = body.substring(3, body.length() - 1);
      } else {
        break;
      }
    }
    List<String> keywords = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i <= body.length(); i++) {
      char c = i < body.length() ? body.charAt(i) : '|';
      if (c == '\\') {
        i++;
        continue;
      }
      if (c == '(' || c == '[') {
        depth++;
      } else if (c == ')' || c == ']') {
        depth--;
      } else if (c == '|' && depth == 0) {
        List<String> prefixes = literalPrefixes(body.substring(start, i));
        if (prefixes.isEmpty()) {
          return List.of();
        }
        keywords.addAll(prefixes);
        start = i + 1;
      }
    }
    return keywords;
  }

  private static List<String> literalPrefixes(String alternative) {
    String a = alternative;
    while (a.startsWith("\\b") || a.startsWith("^")) {
      a = a.substring(a.startsWith("^") ? 1 : 2);
    }
    if (a.startsWith("(?:")) {
      int end = closing(a, 0);
      char after = end + 1 < a.length() ? a.charAt(end + 1) : ' ';
      if (end < 0 || after == '?' || after == '*' || after == '{') {
        return List.of();
      }
      return alternatives(a.substring(0, end + 1));
    }
    String prefix = literalPrefix(a);
    return prefix.isEmpty() ? List.of() : List.of(prefix);
  }

  private static int closing(String regex, int open) {
    int depth = 0;
    for (int i = open; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private static String literalPrefix(String alternative) {
    String a = alternative;
    while (a.startsWith("\\b") || a.startsWith("^")) {
      a = a.substring(a.startsWith("^") ? 1 : 2);
    }
    StringBuilder prefix = new StringBuilder();
    for (int i = 0; i < a.length(); i++) {
      char c = a.charAt(i);
      if (".[](){}*+?|\\^$".indexOf(c) >= 0) {
        if ((c == '?' || c == '*' || c == '{') && prefix.length() > 0) {
          prefix.setLength(prefix.length() - 1);
        }
        break;
      }
      prefix.append(c);
    }
    return prefix.toString();
  }

  private RuleFamilies() {
  }
}
