"""Find the words that report an action ACLED codes (event mentions), sentence by sentence.

A mention is a trigger word or phrase with its kind ("protest", "arrest", "shelling"...).
Two flags say when it is not an event of its own: ``is_grievance`` (the cause a protest is
about: "rallied against the killing of...") and ``is_irrealis`` (announced, planned,
hypothetical or denied: "will march on Friday").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import Lexicon, load_sense_words

# How many words before a trigger a grievance or irrealis cue may stand. Set by reading
# ACLED US and Mass Mobilization notes (development data): causes sit close to their trigger.
GRIEVANCE_WINDOW_WORDS = 6
IRREALIS_WINDOW_WORDS = 5
# Word lists of the other-sense patterns below (data/extract/sense_words.csv).
SENSE_WORDS = load_sense_words()

# Kinds that can be a protest's grievance rather than an event of the article.
GRIEVANCE_KINDS = frozenset({
    "kill", "attack", "abduction", "sexual_violence", "arrest", "excessive_force",
    "air_strike", "shelling", "ied", "looting", "armed_clash", "mob",
})
# Words that close a clause: a cue on the far side of one does not govern the trigger.
CLAUSE_BREAK = re.compile(r"[;:.!?]|,\s+(?:but|while|and|as)\b|\bbut\b|\bwhile\b")
WORD = re.compile(r"[\w'-]+")
COORDINATION = re.compile(r"\s*(?:,|and|or|,\s*and|,?\s*as\s+well\s+as)\s+(?:(?:a|an|the|mass|large|street)\s+){0,2}",
                          re.I)
# Capitalised inside a sentence, these are months, not triggers.
MONTH_HOMONYMS = frozenset({"March"})
# A capitalised word right before, inside a sentence (after a word, not opening it).
NAME_WORD_BEFORE = re.compile(r"(?<=[\w,] )[A-Z][\w'’-]*\s$")
AGENT_NAME = re.compile(r"[A-Z][a-z]+ers")
# "the Coalition to March on the RNC", "Campaign Against Strikes": a capitalised trigger in
# the purpose of an organisation's name, after a capitalised word inside the sentence.
NAME_PURPOSE_BEFORE = re.compile(r"(?<=[\w,] )[A-Z][\w'’-]*\s+(?:to|for|[Aa]gainst)\s+(?:the\s+)?$")
# A short quoted phrase around a trigger: the opening mark at most two words before it,
# the closing one right after it.
SCARE_QUOTE_BEFORE = re.compile(r"[\"“](?:[\w'’-]+\s+){0,2}$")
SCARE_QUOTE_AFTER = re.compile(r"[,.!?]?[\"”]")
# "the canopy that killed 15", "a fire that burned for five days and killed more than a dozen"
RELATIVE_PRONOUN_BEFORE = re.compile(r"\b(?:that|which)\s+(?:had\s+|has\s+)?(?:[^.;:,]{0,50}?\band\s+)?$", re.I)
ACCIDENT_WINDOW_WORDS = 12
# "No arrests were made", "these are not protests", "without further clashes": the trigger is denied.
NEGATED_BEFORE = re.compile(
    r"\b(?:(?:no|not|without|zero|don['’]t|didn['’]t|never)(?:\s+(?:further|more|other|new|major|serious|reported|the\s+first|"
    r"making|carrying\s+out))?"
    r"(?:\s+(?:a|an|any))?"
    r"|(?:no\s+one|nobody|none)\s+(?:was|were|(?:had|has|have)\s+(?:yet\s+|so\s+far\s+|since\s+)?been|is|are|got))\s*$",
    re.I)
# "feared riots fail to materialise", "protests being advertised for the weekend": what
# follows the trigger denies it or puts it in the future.
UNREAL_AFTER = re.compile(
    # "a march planned by civil society groups for Saturday afternoon did not take place"
    r"[^.;:]{0,80}?\b(?:(?:did|do|does)\s+not|didn't|never|fail(?:ed|s)?\s+to)\s+"
    r"(?:materiali[sz]e|take\s+place|go\s+ahead|happen)\b"
    r"|\s+(?:(?:is|are|was|were)\s+)?being\s+(?:planned|advertised|organi[sz]ed|called)\b"
    r"|\s+(?:planned|scheduled)\s+(?:for|in|at|on|across|outside|near|by)\b"
    # "More rallies are planned over the weekend"
    r"|\s+(?:are|is|were|was|have\s+been|has\s+been|had\s+been)\s+(?:also\s+)?(?:planned|scheduled)\b"
    # "a rally that his supporters had planned in Gyumri for Saturday has been postponed"
    # "a march in Conakry that had been planned for Thursday"
    # "A rally by Kumtor employees that had been planned for Monday"
    r"|\s+(?:by\s+(?:[\w'’-]+\s+){1,3}?)?(?:that|which)\s+(?:[\w'’-]+\s+){0,3}(?:had|has|have)\s+(?:been\s+)?"
    r"(?:planned|called|announced|scheduled)\b"
    # "He said protesters would assemble at the interchange on Thursday": a plan told
    r"|\s+(?:would|will)\s+(?:then\s+)?(?:assemble|gather|converge|march|walk|rally|proceed|meet|hold|stage|continue|"
    r"join|resume|go\s+on|spread|take\s+to\s+the\s+streets)\b"
    # "a second march would be held in Mahebourg next month"
    r"|\s+(?:would|will)\s+(?:also\s+)?be\s+(?:held|staged|organi[sz]ed)\b"
    r"|[^.;:]{0,120}?\b(?:(?:has|have|had|having)\s+been|was|were)\s+(?:postponed|cancell?ed|called\s+off|banned|put\s+off|"
    r"averted|suspended|shelved)\b"
    # "the two-hour warning strike which was to have taken place", "a march that was to take place"
    r"|\s+(?:[\w'’-]+\s+){0,3}?(?:that|which)\s+(?:was|were)\s+(?:to|due\s+to|supposed\s+to|meant\s+to|set\s+to)\b"
    # "had announced a march for Saturday, but postponed it"
    r"|[^.;:]{0,100}?,?\s+but\s+(?:later\s+|then\s+)?(?:postponed|cancell?ed|called\s+off|scrapped|shelved)\s+(?:it|them)\b"
    # "a businessman who was arrested more than a dozen times during his years in opposition"
    r"|\s+(?:more\s+than\s+|at\s+least\s+|some\s+)?(?:a\s+dozen|several|many|numerous|countless|\d+|two|three|four|"
    r"five|six|seven|eight|nine|ten)\s+times\b"
    # "a woman killed by a tiger": an animal's attack
    rf"|\s+by\s+(?:an?\s+|the\s+)?(?:wild\s+)?{SENSE_WORDS['wild_animal']}\b"
    # "has led marches against cuts in the past": a record, not an event
    r"|[^.;:]{0,60}?\bin\s+the\s+past\b(?!\s+(?:few|two|three|four|five|six|seven|several|24|48)\b)"
    # "designated demonstration zones", "a protest permit": what a demonstration may use, not one held
    r"|\s+(?:zones?|areas?|permits?|routes?|pens?|cages?)\b"
    # "Vigil called off" (a headline), "a vigil for Sarah Everard, planned for Saturday evening"
    r"|\s+(?:called\s+off|cancell?ed|postponed|scrapped)\b"
    r"|[^.;:]{0,40}?,\s+(?:planned|scheduled)\s+for\b"
    # "all public demonstrations in the city remained banned": a ban, not an event
    r"|[^.;:]{0,50}?\b(?:remain(?:s|ed)?|are|were|is|was|have\s+been|had\s+been)\s+(?:effectively\s+|still\s+|now\s+|all\s+but\s+)?"
    r"(?:banned|prohibited|forbidden|outlawed|illegal)\b"
    # "some of the largest tractor protests of recent years": a comparison, not an event
    r"|\s+(?:of|in)\s+(?:recent\s+|past\s+|previous\s+)?(?:years|decades|a\s+generation|living\s+memory)\b"
    r"|\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}has\s+(?:ever\s+)?seen\b"
    # "detained hundreds of people over the course of the campaign": a tally of months
    r"|\s+(?:[\w'’-]+\s+){0,4}?over\s+the\s+course\s+of\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:campaign|movement|protests|months|weeks|years?)\b"
    # "have held several small demonstrations over the past year": many, not one
    r"|\s+over\s+the\s+(?:past|last)\s+(?:[\w-]+\s+)?(?:year|years|months|weeks|decade)\b"
    # "a man pulled from the carriages died in hospital, bringing the death toll to 26": a toll told
    r"|[^.;]{0,60}?,\s+(?:bringing|raising|taking|pushing)\s+the\s+(?:[\w-]+\s+)?toll\s+to\b"
    # "the death toll rose to 26": a count of deaths told elsewhere
    r"|\s+tolls?\s+(?:rose|has\s+risen|had\s+risen|climbed|stands|stood|reached|is|was|to|from|of)\b"
    # "the farmers' protests are likely to steal the show", "large-scale protest is unlikely": a forecast
    r"|\s+(?:are|is|were|was)\s+(?:likely|expected|set|due|scheduled|planned)\s+to\b"
    r"|\s+(?:are|is|were|was|seems?|seemed|looks?|looked)\s+(?:unlikely|improbable|possible|inevitable)\b"
    # "the protest umbrella group", "drone images": a noun that names something else
    r"|\s+(?:umbrella\s+)?(?:group|groups|movement|movements|leaders?|organi[sz]ers?|coalition|alliance|umbrella|"
    r"points?|cry|cries|songs?|slogans?|images?|footage|photos?|photographs?|pictures?|videos?)\b"
    # "Fans poured into the streets to celebrate the title": a sports or holiday celebration,
    # not a protest (a rally celebrating an election result is one)
    r"|[^.;:]{0,60}?\b(?:to\s+celebrate|in\s+celebration\s+of|celebrating)\b[^.;:]{0,60}?\b(?:title|championship|cup|"
    r"trophy|league|promotion|team|club|victory\s+over|festival|holiday|new\s+year|eid|christmas|diwali)\b"
    # "the arrest was unrelated to the strike": police work told apart from the events
    r"|\s+(?:was|were|is|are)\s+(?:unrelated|not\s+(?:related|connected|linked))\b"
    # "the shooting investigation": the inquiry, not the shooting; "the detention centre": a place
    r"|\s+(?:investigation|inquiry|probe|case|trial|centres?|centers?|facilit(?:y|ies))\b"
    # "protests over jobs and development are frequent": a habit, not one event
    r"|[^.;:]{0,60}?\b(?:are|were|is|was|remain|remained|have\s+become)\s+"
    r"(?:almost\s+|virtually\s+|all\s+but\s+|still\s+|very\s+|relatively\s+|increasingly\s+)?"
    r"(?:frequent|common|commonplace|routine|rare|regular|a\s+regular\s+occurrence|unheard\s+of|unknown|unthinkable)\b"
    # "Protesters have gathered almost daily for years": a habit, not one event
    r"|[^.;:]{0,40}?\b(?:almost|nearly|virtually)\s+(?:daily|every\s+day|every\s+week)\b"
    r"|[^.;:]{0,30}?\bfor\s+(?:years|decades)\b"
    # "protests have been held every Saturday night for twelve weeks": a habit, not one event
    r"|\s+(?:(?:have|has|had)\s+been\s+)?(?:held|staged)\s+every\b"
    r"|\s+every\s+(?:single\s+)?(?:day|night|week|weekend|month|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday)s?\b", re.I)
# Verbs of intent: "planned to walk out", "threatened to strike".
PLAN_VERB = r"(?:plan(?:s|ned)?|intend(?:s|ed)?|threaten(?:s|ed)?|vow(?:s|ed)?)"
# Calls, plans, proposals, refusals and denials before the trigger ("called on teachers to
# hold sit-ins on Thursday", "urged supporters to march again"): they say nothing of whether
# anyone acted.
CALL_OR_PLAN_BEFORE = re.compile(
    r"\b(?:call(?:ed|ing|s)|urg(?:ed|ing|es)|ask(?:ed|ing|s)|appeal(?:ed|ing|s)\s+to|invit(?:ed|ing|es))\s+(?:on\s+)?"
    r"(?:[\w'’-]+\s+){0,5}?to\s+(?:(?:[\w'’-]+\s+){0,2}(?:hold|stage|join|take\s+part|observe|organi[sz]e)\b[^.;:]*"
    r"|(?:[\w'’-]+\s+)?)$"
    # "unions have called a tenth nationwide day of strikes and marches for Tuesday"
    r"|\bcall(?:ed|s|ing)\s+(?:for\s+)?(?:a|an|another|new|fresh|further)\s+(?:[\w'’\"“”-]+\s+){0,8}[\"“]?$"
    # "protest groups have called for marches to resume on Monday", "calls on social media for protests"
    r"|\bcall(?:ed|s|ing)\s+(?:on\s+(?:social\s+media|[\w-]+)\s+)?for\s+[^.;:]{0,80}$"
    # "union leaders floated a new national day of protest on Saturday"
    r"|\b(?:floated|mooted|proposed)\s+(?:a|an|another|new|the)\s+[^.;:]{0,60}$"
    # "organizers said they expected "thousands" to join the march"
    r"|\bexpect(?:ed|s|ing)?\s+[^.;:]{0,40}?\bto\s+(?:join|attend|take\s+part\s+in|turn\s+out\s+(?:for|at))\s+"
    r"(?:[\w'’-]+\s+){0,2}$"
    # "zones where registered groups can hold rallies": leave to, not a deed
    r"|\b(?:can|could|may|might)\s+(?:hold|stage)\s+(?:[\w'’-]+\s+){0,2}$"
    # "faculty members said they planned to walk out of their offices on Friday in protest",
    # "planned to file a complaint ... and to hold a demonstration outside its office"
    rf"|\b{PLAN_VERB}\s+(?:on\s+\w+\s+)?to\s+[^.;:]{{0,100}}$"
    rf"|\b{PLAN_VERB}\s+to\s+[^.;:]{{0,160}}\band\s+to\s+"
    r"(?:[\w'’-]+\s+){0,3}$"
    # "organisers have registered demonstrations"
    r"|\bregister(?:ed|ing|s)?\s+(?:\d+\s+|several\s+|more\s+)?$"
    # "denied reports circulating on social media that police had detained students"
    r"|\b(?:denied|denies|deny|dismissed|rejected)\s+(?:the\s+)?(?:reports?|claims?|rumou?rs?|allegations?)\b[^.;]{0,90}$"
    # "decided not to stage a demonstration"
    r"|\b(?:not|never)\s+to\s+(?:[\w'’-]+\s+){0,3}$"
    # "the protesters want him detained": a demand
    r"|\b(?:want(?:s|ed)?|demand(?:s|ed|ing)?)\s+(?:him|her|them|the\s+\w+)\s+(?:to\s+be\s+)?$"
    # "warned that anyone who tried to stage protests would face": a hypothetical
    r"|\banyone\s+who\s+[^.;:]{0,40}$"
    # "pay the grants or face a nationwide sit-in": a threat
    r"|\bor\s+face\s+(?:a|an|further|more)\s+(?:[\w'’-]+\s+){0,3}$"
    # "suspending a nationwide strike", "called off the march": what will not happen
    r"|\b(?:suspend(?:ed|ing|s)?|call(?:ed|ing|s)?\s+off|cancell?(?:ed|ing|s)?|postpon(?:ed|ing|es)|avert(?:ed|ing|s)?|"
    r"shelv(?:ed|ing|es)|abandon(?:ed|ing|s)?)\s+(?:(?:a|an|the|its|their|his|her|this|next)\s+)?"
    r"(?:planned\s+|threatened\s+)?(?:[\w'’-]+\s+){0,2}$", re.I)
# 'chanted "Arrest Yoon!"', 'shouting "Iran out, out!"': the words of a slogan are what a crowd
# wants, neither an event nor where it is; 'what he once called his "Stalingrad defense"' is a name.
SLOGAN_BEFORE = re.compile(
    r"\b(?:chant(?:ed|ing|s)?|shout(?:ed|ing|s)?|sang|singing|slogans?|placards?|banners?|signs?|cr(?:ied|ying)|"
    r"called|dubbed|nicknamed|known\s+as)\b"
    r"[^.\"“”\n]{0,60}[\"“][^\"”\n]*$", re.I)
# "arrested two men suspected of kidnapping a priest", "arrested a man on suspicion of posting
# threats": police work on an ordinary crime, which ACLED does not code.
CRIME_SUSPECT_AFTER = re.compile(
    # (a dot inside an abbreviation, "a U.S. Marine", does not end the clause)
    r"(?:[^.;]|(?<=\b[A-Z])\.)"
    r"{0,80}?\b(?:on\s+suspicion\s+of|suspected\s+of|accused\s+of|charged\s+with|for\s+allegedly|for|"
    r"in\s+connection\s+with(?:\s+the)?|"
    r"on\s+(?:a\s+)?charges?\s+of)\s+"
    rf"(?:[\w'’-]+\s+){{0,2}}?{SENSE_WORDS['ordinary_offence']}"
    # "police officer Gustavo Florentin has been arrested over the death of Rodrigo Quintana"
    r"|\s+(?:over|for|in\s+connection\s+with)\s+(?:the\s+)?(?:death|killing|murder|shooting)\s+of\b"
    r"|[^.;]{0,80}?\bin\s+connection\s+with\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}(?:investigation|probe|inquiry)\b"
    r"|[^.;]{0,40}?\bwho\s+(?:was|were)\s+allegedly\s+(?:caught|found)\b"
    # "arrested a man over online threats against a student group"
    r"|\s+(?:[\w'’-]+\s+){0,8}?over\s+(?:[\w-]+\s+){0,5}?(?:threats?|threatening)\b"
    # "arrested 27 people in Peshawar this week in a crackdown on electricity theft"
    rf"|[^.;]{{0,80}}?\bin\s+an?\s+(?:[\w-]+\s+)?crackdown\s+on\s+(?:[\w-]+\s+){{0,2}}?{SENSE_WORDS['ordinary_offence']}\b",
    re.I)
# "arrested a man accused of posting a false report on Facebook", "two filling station managers
# accused of hoarding petrol": unnamed suspects of an offence, unless they are of the movement
# (activists, leaders, protesters) or the offence is the protest itself or a political charge.
POLITICAL_SUSPECT = SENSE_WORDS["political_suspect"]
POLITICAL_OFFENCE = SENSE_WORDS["political_offence"]
# "arrested a former mayor on embezzlement charges", "as part of an investigation into the
# ventilator deals", "three suspects over a bank robbery": an offence that is not political.
CRIMINAL_CHARGE_AFTER = re.compile(
    rf"[^.;]{{0,80}}?\bon\s+(?:(?!{POLITICAL_OFFENCE}|on\b|of\b)[\w-]+\s+){{1,3}}charges\b"
    rf"|[^.;]{{0,80}}?\bon\s+(?:a\s+)?charges?\s+of\s+(?![^.;]{{0,30}}?{POLITICAL_OFFENCE})"
    r"|[^.;]{0,80}?\bas\s+part\s+of\s+an?\s+(?:[\w-]+\s+)?(?:investigation|probe|inquiry)\b"
    rf"|\s+(?:[\w'’-]+\s+){{0,4}}?over\s+an?\s+(?:[\w-]+\s+)?{SENSE_WORDS['ordinary_offence']}\b", re.I)
UNNAMED_SUSPECT_AFTER = re.compile(
    rf"\s+(?:a|an|two|three|four|five|\d+)\s+(?![^.;]{{0,60}}?\b{POLITICAL_SUSPECT}\b)[^.;]{{0,60}}?"
    r"\b(?:accused\s+of|suspected\s+of|on\s+suspicion\s+of|in\s+connection\s+with|on\s+(?:a\s+)?charges?\s+of|"
    r"who\s+(?:had\s+)?(?:posted|shared|sent|published|wrote))\b"
    rf"(?![^.;]{{0,40}}?\b{POLITICAL_OFFENCE})", re.I)
# "the 2013 Gezi Park protests", "the 1991 videotaped beating of Rodney King", "over the Jan. 8
# attack": a past event named by its year or day.
YEAR_NAMED_BEFORE = re.compile(
    r"\bthe\s+(?:(?:19|20)\d\d|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+\d{1,2}|"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2})"
    r"\s+(?:[\w'’-]+\s+){0,3}$"
    # "over a 2009 massacre in which security forces killed more than 150"
    r"|\b(?:the|a|an)\s+(?:19|20)\d\d\s+(?:[\w'’-]+\s+){1,2}(?:in\s+which|when|where)\s+(?:[\w'’-]+\s+){0,3}$")
# "charged with second-degree murder, aggravated assault, aggravated kidnapping": the charges.
CHARGE_LIST_BEFORE = re.compile(
    r"\b(?:charged\s+(?:[A-Z][\w'’-]*,?\s+|\d+,?\s+){0,4}with|charges?\s+of|accus(?:ed|ing)\s+(?:[\w'’-]+\s+){0,4}?of|"
    r"convicted\s+of|counts?\s+of|investigations?\s+for|"
    r"guilty\s+of|indicted\s+for|on\s+suspicion\s+of|suspected\s+of|for\s+alleged(?:ly)?)\s+"
    r"[^.;:]{0,120}$", re.I)
FAILED_GATHERING = re.compile(r"\b(?:fail(?:ed|s)?\s+to|did\s+not|never)\s+materiali[sz]ed?\b", re.I)
# "locked out after a series of strikes", "amid a wave of protests": background, told in passing.
SERIES_BEFORE = re.compile(
    r"\b(?:after|following|follows|followed|amid|amidst)\s+(?:a\s+|the\s+)?"
    r"(?:series|wave|string|spate|(?:week|month|year)s?|decades)"
    r"\s+of\s+(?:[\w'’-]+\s+){0,2}$"
    # "the opposition has held several rounds of mass marches"
    r"|\b(?:several|many|multiple|repeated|successive|numerous)\s+rounds\s+of\s+(?:[\w'’-]+\s+){0,2}$", re.I)
# "since the protests began", "a day after the unrest erupted": the events' start named as a
# time, not a new report.
ONSET_CLAUSE_BEFORE = re.compile(r"\b(?:after|since|before|when|until)\s+(?:the|a|their|its)\s+(?:[\w-]+\s+){0,2}$", re.I)
ONSET_CLAUSE_AFTER = re.compile(r"\s+(?:began|begun|started|erupted|broke\s+out|first\s+erupted|kicked\s+off)\b")
# "a day after thousands stormed Congress": what the clause tells happened on another day,
# and is told again in its place.
OTHER_DAY_CLAUSE_BEFORE = re.compile(
    r"\b(?:a|one|two|three|four|five|six|several|\d+)\s+(?:days?|weeks?|months?)\s+(?:after|before)\s+"
    r"(?:[\w'’-]+\s+){0,20}$", re.I)
# "tensions had already exploded", "an explosion of anger": an explosion of feelings.
FIGURATIVE_BLAST_WORDS = frozenset({"exploded", "explosion", "blast", "explodes"})
FEELING_BEFORE = re.compile(
    r"\b(?:tensions?|anger|fury|frustration|violence|protests?|unrest|rage|outrage|discontent|resentment|"
    r"prices|costs|population|popularity)\b(?:\s+[\w'’]+){0,3}\s*$", re.I)
FEELING_AFTER = re.compile(
    r"\s+of\s+(?:[\w'’-]+\s+){0,2}?(?:anger|fury|frustration|violence|protests?|unrest|rage|outrage|discontent|"
    r"joy|grief|activity|growth|colou?r|support|interest)\b", re.I)
# "the army announced that it had retaken Gondar": an announcement of what has happened.
PERFECT_REPORT_BEFORE = re.compile(
    r"\b(?:announced|announce|announcing)\s+(?:on\s+\w+\s+)?(?:that\s+)?(?:[\w'’-]+\s+){0,3}(?:had|has|have)\s+(?:been\s+)?$",
    re.I)
# "57 people died when a passenger train collided with a freight train": a disaster's toll.
ACCIDENT_AFTER = re.compile(
    r"\s+(?:when|after|as)\s+(?:a|an|the|their|its)\s+(?:[\w'’-]+\s+){0,8}?"
    r"(?:collided|crashed|derailed|capsized|collapsed|overturned|sank|caught\s+fire)\b", re.I)
# "945 people had been arrested and 130 officers injured": a tally of the forces' own hurt,
# no attack of its own (whatever hurt them is reported in its own words).
FORCES_COUNT_BEFORE = re.compile(
    r"\b\d[\d,]*\s+(?:police\s+)?(?:officers|policemen|police|soldiers|troops|members of the security forces)"
    r"\s+(?:were\s+|had\s+been\s+|have\s+been\s+|was\s+)?$", re.I)
# "The marches came as Israel pressed its offensive": the events just told, told again.
RETOLD_AFTER = re.compile(
    r"\s+(?:came|come|follow(?:ed)?|took place|were held|continued|were\s+(?:organi[sz]ed|called|announced)|"
    r"(?:are|were)\s+(?:the\s+)?(?:largest|biggest|first|latest|worst)|"
    # "The protests are a fresh headache for President Hassan Rouhani"
    r"(?:are|were|have\s+been|pose[ds]?)\s+(?:a|an)\s)\b", re.I)
RETOLD_BEFORE = re.compile(r"(?:^|[.!?]\s+|\n)(?:The|These|Those|Such)\s+$")
# "killed in such fights", "news of the arrests": a kind of event, or one told before.
KIND_OR_TOLD_BEFORE = re.compile(r"\bsuch\s+$|\bnews\s+of\s+the\s+(?:[\w'’-]+\s+)?$", re.I)


@dataclass
class Mention:
    kind: str
    start: int
    end: int
    text: str
    sentence: int
    is_weak: bool = False
    is_grievance: bool = False
    is_irrealis: bool = False

    @property
    def is_eventive(self) -> bool:
        return not (self.is_grievance or self.is_irrealis)


def find_mentions(text: str, sentences: list[tuple[int, int]], lexicon: Lexicon,
                  *, excluded: list[tuple[int, int]] = ()) -> list[Mention]:
    """All mentions in ``text``, longest match first where patterns overlap.

    ``excluded`` spans (time expressions such as "since the protests began") hold no triggers.
    """
    mentions = []
    for index, (start, end) in enumerate(sentences):
        sentence = text[start:end]
        found = [m for m in _match_sentence(sentence, start, index, lexicon)
                 if not _overlaps_any(m.start, m.end, excluded)]
        found.sort(key=lambda m: m.start)
        failed = FAILED_GATHERING.search(sentence) is not None
        for position, mention in enumerate(found):
            _flag_mention(mention, text, start, lexicon)
            # "a gathering advertised online failed to materialise, with more police present
            # than protesters": no crowd word in that sentence reports a demonstration
            mention.is_irrealis = mention.is_irrealis or (failed and mention.is_weak)
            if position and _is_coordinated(text, found[position - 1], mention):
                # "would hold a strike and a rally": the rally is as unreal as the strike.
                mention.is_irrealis = mention.is_irrealis or found[position - 1].is_irrealis
        mentions.extend(found)
    return sorted(mentions, key=lambda m: m.start)


def _is_coordinated(text: str, previous: Mention, mention: Mention) -> bool:
    return COORDINATION.fullmatch(text[previous.end:mention.start]) is not None


def _match_sentence(sentence: str, offset: int, index: int, lexicon: Lexicon) -> list[Mention]:
    candidates = []
    for pattern in lexicon.triggers:
        for match in pattern.regex.finditer(sentence):
            candidates.append(Mention(pattern.kind, offset + match.start(), offset + match.end(),
                                      match.group(0), index, is_weak=pattern.is_weak))
    # Longest first, so "stun grenades" (intervention) wins over "grenades" (grenade).
    candidates.sort(key=lambda m: (-(m.end - m.start), m.start))
    kept: list[Mention] = []
    headline = _is_title_case(sentence)
    for mention in candidates:
        if mention.text in MONTH_HOMONYMS and _is_month_use(sentence, mention.start - offset, mention.end - offset):
            continue  # "on 8 March", "March 2021": the month, not a march
        if not headline and NAME_WORD_BEFORE.search(sentence, 0, mention.start - offset) \
                and AGENT_NAME.fullmatch(mention.text):
            continue  # "beating Silver Strikers 2-0": a club's name (but "joined the Unity March")
        if not headline and mention.text[0].isupper() and NAME_PURPOSE_BEFORE.search(sentence, 0, mention.start - offset):
            continue

        if not _overlaps_any(mention.start, mention.end, [(k.start, k.end) for k in kept]):
            kept.append(mention)
    return kept


def _is_title_case(sentence: str) -> bool:
    """A headline written in title case ("Police Clash With Protesters"): its capitals say nothing."""
    words = WORD.findall(sentence)
    return len(words) >= 3 and sum(word[0].isupper() for word in words) > len(words) / 2


def _is_month_use(sentence: str, start: int, end: int) -> bool:
    return bool(re.search(r"\d\s*$", sentence[:start]) or re.match(r"\s*\d", sentence[end:])
                or re.search(r"\b(?:in|since|until|by|early|late|mid|of|last|next|this)\s*-?$",
                             sentence[:start], re.IGNORECASE))


# "it had lodged a protest with the government": a diplomatic note, not a demonstration
LODGED_BEFORE = re.compile(
    r"\b(?:lodg(?:ed|es|e|ing)|fil(?:ed|es|e|ing)|register(?:ed|s)?|deliver(?:ed|s)?)\s+(?:a|an)\s+"
    r"(?:formal\s+|strong\s+|diplomatic\s+|official\s+)?$", re.I)
# "Egypt has all but banned street protests", "it can prevent a protest": the ban or the
# prevention is told, not a gathering.
BANNED_BEFORE = re.compile(
    r"\b(?:bann(?:ed|ing)|bans|ban\s+on|outlaw(?:ed|s|ing)|prohibit(?:ed|s|ing)|forb(?:ids|ade|idding)|"
    r"prevent(?:ed|s|ing)?|thwart(?:ed|s|ing)?|foil(?:ed|s|ing)?)\s+(?:a|an|any|all|the)?\s*"
    r"(?:(?:street|public|mass|further|unauthori[sz]ed|planned|opposition)\s+)*$", re.I)
# "described the protests as riots designed by the United States", "called the shooting
# "inexplicable"": what someone calls events told elsewhere, not another event.
LABEL_VERB = (r"\b(?:describ(?:ed|es|ing)|brand(?:ed|s|ing)|label(?:l?ed|s|l?ing)|term(?:ed|s|ing)|"
              r"dismiss(?:ed|es|ing)|portray(?:ed|s|ing)|characteri[sz](?:ed|es|ing)|call(?:ed|s|ing))\s+")
LABEL_BEFORE = re.compile(LABEL_VERB + r"(?:[\w'’-]+\s+){1,5}?as\s+(?:(?:an?|the|mere|just)\s+)?(?:[\w'’-]+\s+)?$", re.I)
LABELLED_BEFORE = re.compile(LABEL_VERB + r"(?:the\s+|these\s+|those\s+|their\s+)?(?:[\w'’-]+\s+)?$", re.I)
LABELLED_AFTER = re.compile(r"\s+(?:as\b|[\"“])")
# "the news site, which covered the marches closely, ...": the events a reporter covered.
COVERED_BEFORE = re.compile(
    r"\b(?:which|that|who)\s+(?:had\s+|has\s+)?(?:covered|reported\s+on|documented)\s+(?:the\s+)?(?:[\w'’-]+\s+)?$",
    re.I)
# "have already spent more than two years in pretrial detention": a state, not an arrest.
DETENTION_STATE_BEFORE = re.compile(
    r"\b(?:spent|spend|spending|remain(?:s|ed|ing)?|languish(?:ed|es|ing)?|years|months|weeks)\s+"
    r"(?:[\w'’-]+\s+){0,3}?in\s+(?:[\w-]+\s+)?$"
    # "sentenced in March to 27 years of house arrest"
    r"|\b(?:years?|months?)\s+(?:of|under)\s+(?:house\s+)?$"
    # "minus time already spent under house arrest", "remains under arrest"
    r"|\bunder\s+(?:house\s+)?$"
    # "Dozens of prisoners have been moved to house arrest": a release, not an arrest
    r"|\b(?:moved|transferred|released)\s+(?:in)?to\s+(?:house\s+)?$", re.I)
# "A cold snap in February damaged greenhouse crops": the weather's damage.
NATURAL_CAUSE_BEFORE = re.compile(rf"\b{SENSE_WORDS['natural_cause']}\b[^.;:]{{0,40}}$", re.I)
# "the largest since rallies over rising prices in the spring": the yardstick of a comparison.
YARDSTICK_BEFORE = re.compile(r"\b(?:largest|biggest|worst|deadliest|first)\s+(?:[\w'’-]+\s+){0,3}?since\s+(?:the\s+)?$",
                              re.I)
# "aggressive hybrid attacks by Russia", "cyber attacks": no violence on the ground.
FIGURATIVE_ATTACK_BEFORE = re.compile(rf"\b{SENSE_WORDS['figurative_attack_modifier']}[\s-]*$", re.I)
# "called the order an attack on the right to strike": words against a principle.
FIGURATIVE_ATTACK_AFTER = re.compile(
    rf"\s+(?:on|against|upon)\s+(?:the\s+|our\s+|their\s+|its\s+)?{SENSE_WORDS['abstract_target']}\b", re.I)
# "campaigned on fighting corruption": a cause, not a fight.
ABSTRACT_FOE_AFTER = re.compile(rf"\s+(?:against\s+)?{SENSE_WORDS['abstract_foe']}\b", re.I)
# "The lira ... rallied as much as 6%": a currency's rally.
MARKET_RALLY_AFTER = re.compile(
    r"\s+(?:as\s+much\s+as\s+|by\s+|more\s+than\s+|nearly\s+)?\d[\d.,]*\s*(?:%|percent|per\s+cent)"
    rf"|\s+(?:against|versus)\s+the\s+{SENSE_WORDS['currency']}", re.I)
# "a politician who has clashed with President Duque over control of the police": a quarrel.
QUARREL_AFTER = re.compile(
    r"\s+with\s+(?:President|Prime\s+Minister|the\s+(?:government|president|prime\s+minister|opposition|party|"
    r"ministry|mayor|governor|board|union))\b[^.;:]{0,60}?\bover\b")
# "Our weekly round-up of news from Greece": a digest, not arrests.
NEWS_ROUNDUP_AFTER = re.compile(r"\s+of\s+(?:the\s+)?(?:[\w-]+\s+)?(?:news|week|headlines|stories|reports|events)\b"
                                r"|\s+of\s+(?:protests?|politics|protest\s+and\s+politics)\s+(?:and|across|in)\b", re.I)
# "the detainees held in Ras El Ma prison": people in custody already, not an arrest.
DETAINEES_HELD_AFTER = re.compile(
    r"\s+(?:(?:still|being)\s+)?(?:held|kept|jailed|imprisoned)\b"
    r"|\s+(?:in|at)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:prison|jail|detention\s+cent(?:re|er)|camp)\b", re.I)
# "Reporters' bodies said they would boycott": organisations, not corpses.
ORGANISATION_BODIES_BEFORE = re.compile(rf"(?:\w['’]|\b{SENSE_WORDS['organisation_body_modifier']})\s+$", re.I)
# "the multibillion-dollar looting of the 1MDB state fund": embezzlement.
PLUNDER_AFTER = re.compile(rf"\s+of\s+(?:the\s+)?(?:[\w$-]+\s+){{0,4}}?{SENSE_WORDS['plundered_wealth']}\b", re.I)
# "said it would call a one-day general strike next Tuesday, and a sit-in outside the UN
# offices": what someone will call or hold, across the sentence's clauses.
WILL_HOLD_BEFORE = re.compile(r"\b(?:would|will)\s+(?:call|stage|hold|organi[sz]e|go\s+ahead\s+with)\s+[^.;:]{0,120}$", re.I)
# "Faeser welcomed the protests on Friday": a reaction to demonstrations told elsewhere, dated
# by the reaction.
REACTION_BEFORE = re.compile(
    r"\b(?:welcom|condemn|criticis|criticiz|prais|denounc|hail|dismiss|back(?:ed|s|ing)\b|support(?:ed|s|ing)\b)\w*\s+"
    r"(?:the|these|those|their|such)\s+(?:[\w'’-]+\s+)?$", re.I)
REACTION_KINDS = frozenset({"protest", "violent_protest"})
# "The National Strike Committee": a trigger word inside an organisation's name.
ORGANISATION_HEAD_AFTER = re.compile(rf"\s+{SENSE_WORDS['trigger_name_head']}\b")
# "threatened the force's director with fines and arrest if the order was not obeyed": a threat.
THREAT_OF_BEFORE = re.compile(r"\bthreaten(?:ed|s|ing)?\s+[^.;:]{0,60}?\bwith\s+(?:[\w'’-]+\s+){0,3}$", re.I)
# "Our fight is with the government": a cause, not a brawl.
POSSESSIVE_BEFORE = re.compile(r"\b(?:our|their|his|her|my|your)\s+$", re.I)
# "the blackened shells of burnt-out buildings": what is left of them, not artillery.
REMAINS_OF_AFTER = re.compile(r"\s+of\s+(?:[\w'’-]+\s+){0,3}(?:buildings?|cars?|vehicles?|houses?|homes?|shops?|"
                              r"buses|trucks?|factories|factory|offices?)\b", re.I)
# "aerial images taken by the police drone": a camera, not a strike.
CAMERA_DRONE_BEFORE = re.compile(rf"\b{SENSE_WORDS['camera_drone_modifier']}\s+$", re.I)
# "jailed a former chief executive for 12 years": a sentence, not an arrest.
SENTENCE_TERM_AFTER = re.compile(r"[^.;:]{0,80}?\bfor\s+(?:\d+|[a-z]+(?:-[a-z]+)?)\s+(?:years|months)\b", re.I)
# Patterns on a mention's clause before it that make it no event of the article; each
# pattern's comment above it gives its example.
UNREAL_CLAUSE_BEFORE = (NEGATED_BEFORE, LODGED_BEFORE, BANNED_BEFORE, OTHER_DAY_CLAUSE_BEFORE, SERIES_BEFORE,
                        CHARGE_LIST_BEFORE, CALL_OR_PLAN_BEFORE, LABEL_BEFORE, COVERED_BEFORE, YARDSTICK_BEFORE,
                        KIND_OR_TOLD_BEFORE)


def _flag_mention(mention: Mention, text: str, sentence_start: int, lexicon: Lexicon) -> None:
    before = _clause_before(text, sentence_start, mention.start)
    if mention.kind in GRIEVANCE_KINDS:
        mention.is_grievance = _has_cue(before, lexicon.grievance_cues, GRIEVANCE_WINDOW_WORDS) \
            or _is_accident_toll(text, sentence_start, mention, lexicon) \
            or ACCIDENT_AFTER.match(text, mention.end) is not None
    mention.is_irrealis = _is_unreal(mention, text, sentence_start, before, lexicon)


def _is_unreal(mention: Mention, text: str, sentence_start: int, before: str, lexicon: Lexicon) -> bool:
    """Denied, planned, hypothetical, habitual, background or only quoted: not an event."""
    if _has_cue(before, lexicon.irrealis_cues, IRREALIS_WINDOW_WORDS) and PERFECT_REPORT_BEFORE.search(before) is None:
        return True
    if any(pattern.search(before) for pattern in UNREAL_CLAUSE_BEFORE) or UNREAL_AFTER.match(text, mention.end):
        return True
    # searched in the words themselves: the clause breaks at the point of "Jan. 8"
    if YEAR_NAMED_BEFORE.search(text, max(sentence_start, mention.start - 60), mention.start):
        return True
    if mention.kind == "attack" and FORCES_COUNT_BEFORE.search(before):
        return True
    if LABELLED_BEFORE.search(before) and LABELLED_AFTER.match(text, mention.end):
        return True
    if mention.kind in REACTION_KINDS and REACTION_BEFORE.search(before):
        return True
    if WILL_HOLD_BEFORE.search(text, sentence_start, mention.start):
        return True
    if mention.kind == "arrest" and (DETENTION_STATE_BEFORE.search(before) or THREAT_OF_BEFORE.search(before)
                                     or CRIME_SUSPECT_AFTER.match(text, mention.end)
                                     or UNNAMED_SUSPECT_AFTER.match(text, mention.end)
                                     or CRIMINAL_CHARGE_AFTER.match(text, mention.end)):
        return True
    if _is_other_sense(mention, text, before):
        return True
    return (SLOGAN_BEFORE.search(text, max(0, mention.start - 140), mention.start) is not None
            or _is_onset_clause(text, mention)
            or _is_figurative_blast(text, before, mention)
            or _is_retold_subject(text, sentence_start, mention)
            or _is_scare_quoted(text, mention))


def _is_other_sense(mention: Mention, text: str, before: str) -> bool:
    """A trigger word in a sense that is no event: a currency's rally, a politician's clash, a
    weather's or a fund's damage, a hybrid attack, a fight against corruption, a police drone,
    a prison term, professional bodies, a news round-up, detainees held, a word inside an
    organisation's name."""
    lowered = mention.text.lower()
    return bool(
        lowered.startswith("rall") and MARKET_RALLY_AFTER.match(text, mention.end)
        or lowered.startswith("clash") and QUARREL_AFTER.match(text, mention.end)
        or lowered.startswith("fight") and ABSTRACT_FOE_AFTER.match(text, mention.end)
        or lowered.startswith("jail") and SENTENCE_TERM_AFTER.match(text, mention.end)
        or lowered in ("drone", "drones") and CAMERA_DRONE_BEFORE.search(before)
        or lowered == "bodies" and ORGANISATION_BODIES_BEFORE.search(before)
        or lowered.startswith("round") and NEWS_ROUNDUP_AFTER.match(text, mention.end)
        or lowered.startswith("detainee") and DETAINEES_HELD_AFTER.match(text, mention.end)
        or lowered == "shells" and REMAINS_OF_AFTER.match(text, mention.end)
        or lowered.startswith("fight") and POSSESSIVE_BEFORE.search(before)
        or mention.kind == "looting" and (NATURAL_CAUSE_BEFORE.search(before) or PLUNDER_AFTER.match(text, mention.end))
        or mention.kind == "attack" and (FIGURATIVE_ATTACK_BEFORE.search(before)
                                         or FIGURATIVE_ATTACK_AFTER.match(text, mention.end))
        or mention.text[0].isupper() and ORGANISATION_HEAD_AFTER.match(text, mention.end))


def _is_figurative_blast(text: str, before: str, mention: Mention) -> bool:
    return mention.text.lower() in FIGURATIVE_BLAST_WORDS and (
        FEELING_BEFORE.search(before) is not None or FEELING_AFTER.match(text, mention.end) is not None)


def _is_onset_clause(text: str, mention: Mention) -> bool:
    return (ONSET_CLAUSE_AFTER.match(text, mention.end) is not None
            and ONSET_CLAUSE_BEFORE.search(text, max(0, mention.start - 40), mention.start) is not None)


def _is_retold_subject(text: str, sentence_start: int, mention: Mention) -> bool:
    """"The marches came as ...": a definite plural opening the sentence points back at events
    already told; what follows sets them in context, it reports nothing new."""
    return (mention.text.endswith("s") and RETOLD_BEFORE.search(text, max(0, sentence_start - 2), mention.start) is not None
            and mention.start - sentence_start <= len("These ") and RETOLD_AFTER.match(text, mention.end) is not None)


def _is_scare_quoted(text: str, mention: Mention) -> bool:
    """"he would not be swayed by "the mob"": a word or two in quotation marks is a name
    someone calls a thing, not a report that it happened."""
    opening = SCARE_QUOTE_BEFORE.search(text, max(0, mention.start - 12), mention.start)
    return opening is not None and SCARE_QUOTE_AFTER.match(text, mention.end) is not None


def _is_accident_toll(text: str, sentence_start: int, mention: Mention, lexicon: Lexicon) -> bool:
    """"the collapse of a railway station canopy that killed 15 people": an accident's toll,
    told as the grievance of a protest; no attack."""
    if mention.kind != "kill":
        return False
    before = text[sentence_start:mention.start]
    # "the canopy that killed 15"; "Ian made landfall as a Category 3 storm, killing three"
    if not (RELATIVE_PRONOUN_BEFORE.search(before)
            or (mention.text.lower().startswith("killing") and before.rstrip().endswith(","))):
        return False
    return _has_cue(before, lexicon.accident_causes, ACCIDENT_WINDOW_WORDS)


def _clause_before(text: str, sentence_start: int, position: int) -> str:
    before = text[sentence_start:position]
    breaks = list(CLAUSE_BREAK.finditer(before))
    return before[breaks[-1].end():] if breaks else before


def _has_cue(clause: str, cues: re.Pattern, window_words: int) -> bool:
    words = WORD.findall(clause)[-window_words:]
    return bool(words) and cues.search(" ".join(words)) is not None


def _overlaps_any(start: int, end: int, spans) -> bool:
    return any(start < other_end and other_start < end for other_start, other_end in spans)
