import pytest

from protestwatch.extract.mentions import find_mentions


def _mentions(lexicon, text):
    return find_mentions(text, [(0, len(text))], lexicon)


@pytest.mark.parametrize("text,kind", [
    ("Hundreds of nurses protested outside the hospital.", "protest"),
    ("Farmers staged a blockade on the highway.", "protest"),
    ("Police fired tear gas at the crowd.", "intervention"),
    ("Youths threw stones at the police station.", "violent_protest"),
    ("A drone strike hit the compound.", "air_strike"),
    ("A roadside bomb exploded near the convoy.", "ied"),
    ("Gunmen abducted two aid workers.", "abduction"),
    ("The army recaptured the town from the rebels.", "territory_gov"),
])
def test_mentions_find_kind(lexicon, text, kind):
    assert kind in {m.kind for m in _mentions(lexicon, text)}


def test_mentions_prefer_longest_match(lexicon):
    # "stun grenades" is crowd control, not a grenade attack.
    kinds = [m.kind for m in _mentions(lexicon, "Officers used stun grenades to clear the square.")]
    assert "intervention" in kinds and "grenade" not in kinds


@pytest.mark.parametrize("text,trigger", [
    ("Students rallied against the killing of a classmate.", "killing"),
    ("Crowds marched after the death of a teenager in custody.", "death"),
    ("Relatives demanded justice for the man shot by officers.", "shot"),
    ("The UN said it was horrified by the attack.", "attack"),
    ("Lawyers will file cases on behalf of the victims of Monday's attack.", "attack"),
    ("Police detained 41 people they accused of arson.", "arson"),
    ("Unrest threatens work against an Ebola outbreak that has killed more than 2,000 people.", "killed"),
    ("Taxes rose to repair damage from February's earthquakes, which killed more than 50,000 people.", "killed"),
])
def test_mentions_flag_grievance(lexicon, text, trigger):
    mention = next(m for m in _mentions(lexicon, text) if m.text == trigger)
    assert mention.is_grievance and not mention.is_eventive


@pytest.mark.parametrize("text,trigger", [
    ("The union said it will strike on Monday.", "strike"),
    ("Opposition groups plan to march next week.", "march"),
    ("Organisers called for a protest outside parliament.", "protest"),
    ("Police said no application for a rally had been filed.", "rally"),
    ("Teachers had been prevented from holding a rally.", "rally"),
    # Denied outright: "no" or "without" just before the trigger.
    ("No arrests were made in the searches.", "arrests"),
    ("The march ended without further clashes.", "clashes"),
    ("These are not protests, the spokesman said.", "protests"),
    # Denied or put off by what follows the trigger.
    ("Feared riots failed to materialise on Wednesday.", "riots"),
    ("More protests are being advertised online for the weekend.", "protests"),
    # A past event named as a time or as the subject of a trial.
    ("Dozens have been detained since the protests began on October 1.", "protests"),
    ("A man was jailed on Wednesday for his part in the Southport riot.", "riot"),
    ("Police dismantled the camp, a day after thousands stormed Congress.", "stormed Congress"),
    ("Tensions had already exploded a week ago.", "exploded"),
    ("An explosion of anger followed the vote.", "explosion"),
    ("It did not say how many protesters had been hurt.", "hurt"),
    ("\"Don't break the windows, don't attack schools or buses,\" she said.", "attack"),
    ("Employers locked the dockworkers out on Nov. 10, after a series of strikes over schedules.", "strikes"),
    ("The congress called a day of action, with rallies planned in Halifax and Toronto.", "rallies"),
    ("The coalition postponed a march that had been planned for Thursday.", "march"),
    ("He said protesters would assemble at the interchange on Thursday.", "protesters"),
    ("Police arrested a man accused of posting a false report on Facebook.", "arrested"),
    # What events are called, covered or the state someone is in, and the weather's damage.
    ("Khamenei described the protests as riots designed by the United States.", "riots"),
    ("Khamenei described the protests as riots designed by the United States.", "protests"),
    ("The editor of Radio M, which covered the marches closely, was arrested at his home.", "marches"),
    ("The three men have already spent more than two years in pretrial detention.", "detention"),
    ("A cold snap in February damaged greenhouse crops in the Souss-Massa region.", "damaged greenhouse crops"),
    ("Macron, who on Wednesday called the shooting \"inexplicable\", left the summit early.", "shooting"),
    ("The unions stepped back on Monday night, suspending a nationwide strike over fuel prices.", "strike"),
    ("The union gave the government 14 days to pay or face a nationwide sit-in.", "sit-in"),
    ("Fans poured into the streets of Blantyre to celebrate the title late into the night.", "poured into the streets"),
    ("The authority said the arrest was unrelated to the strike.", "arrest"),
    ("The marches were organized online by a loose network of parents' groups.", "marches"),
    ('Romania had been the target of "aggressive hybrid attacks" by Russia.', "attacks"),
    ("Sandu, who campaigned on fighting corruption, won the runoff.", "fighting"),
    ("Calls on social media for protests on Nov. 11, 2022 produced no visible turnout.", "protests"),
    ("Analysts say large-scale protest is unlikely.", "protest"),
    ("Demonstrations have been all but banned under a 2013 law.", "Demonstrations"),
    ("The protests are the largest since rallies over rising prices in the spring.", "protests"),
    ("The protests are the largest since rallies over rising prices in the spring.", "rallies"),
    ("He said the violence was not a protest about the cost of living.", "protest"),
    ("Police said they had arrested 17 foreign nationals accused of running an online gambling scam.", "arrested"),
    ("The agency said it had arrested 27 people this week in a crackdown on electricity theft.", "arrested"),
    ("Activists said they planned to file a complaint with the rights commission in Jakarta on Friday and to "
     "hold a demonstration outside its office.", "demonstration"),
    ("More rallies are planned over the weekend in Munich and Berlin.", "rallies"),
    ("Organisers have registered demonstrations expecting tens of thousands.", "demonstrations"),
    ("Interior Minister Nancy Faeser welcomed the protests on Friday.", "protests"),
    ("Protesters have gathered almost daily for years in front of the gate of Camp Schwab.", "Protesters"),
    ("The National Strike Committee has called a new march for Wednesday.", "National Strike"),
    ("Our figure comes from aerial images taken by the police drone.", "drone"),
    ("A court on Wednesday jailed a former chief executive of the state coal miner for 12 years.", "jailed"),
    ("Rights groups accused police and soldiers of shooting indiscriminately.", "shooting"),
    ("Police arrested a U.S. Marine on suspicion of drunk driving.", "arrested"),
    ("Police said a man was arrested on Wednesday over online threats against a student group.", "arrested"),
    ("Governments have struggled to revive the economy, and protests over jobs are frequent.", "protests"),
    ("UNITED KINGDOM: Vigil called off", "Vigil"),
    ("Our weekly round-up of news from Greece | Saturday 11 March 2023", "round-up"),
    ("Several of the detainees held in Ras El Ma prison in Fez have been on hunger strike.", "detainees"),
    ("The lira, which had lost a quarter of its value, rallied as much as 6% to 25.70 per dollar.", "rallied"),
    ("López, a politician who has clashed with President Iván Duque over control of the police, spoke.", "clashed"),
    ("Reporters' bodies said they would boycott all health ministry briefings.", "bodies"),
    ("Najib was found guilty in a trial linked to the multibillion-dollar looting of the 1MDB state fund.", "looting"),
    ("Police named him a suspect in a blasphemy case, but the protesters want him detained.", "detained"),
    ("He warned that anyone who tried to stage protests after the election would face the law.", "protests"),
    ("Kem Sokha was sentenced in March to 27 years of house arrest for treason.", "arrest"),
    ("A man was arrested on Thursday on suspicion of sending malicious communications.", "arrested"),
    ("Police arrested a man over messages on social media threatening to kill Sanchez.", "arrested"),
    ("The committee said it would call a one-day general strike in all camps next Tuesday, and a sit-in "
     "outside the UN offices in Amman.", "sit-in"),
    ("Organisers of a vigil for Sarah Everard, planned for Saturday evening, called it off.", "vigil"),
    ("A serving police officer was arrested on Tuesday and has been charged with her kidnap and murder.", "arrested"),
    ('Organizers said on Thursday they expected "thousands" to join the march.', "march"),
    ("The city set aside a park where registered groups can hold rallies in 45-minute slots.", "rallies"),
    ("The city has set aside designated demonstration zones near the arena.", "demonstration"),
    ("Activists said they had applied for permission to hold a rally on Sunday.", "rally"),
    ("The opposition had announced a march for Saturday, but postponed it after police objected.", "march"),
    ("The union has led marches against cuts at the refinery in the past.", "marches"),
    ("Organisers said they had been inspired by youth-led demonstrations in neighbouring Kenya.", "demonstrations"),
    ("On Monday, the eve of the march, security forces surrounded the party's headquarters.", "march"),
    ("The city was calm, with the blackened shells of burnt-out buildings lining its main road.", "shells"),
    ("A court convicted him over a 2009 massacre in which security forces killed more than 150 people.", "killed"),
    ("The coalition says it will go ahead with a second day of marches on Thursday despite the ban.", "marches"),
    ("Since then, the opposition has held several rounds of mass marches.", "marches"),
    ("There were no reports of clashes between the two sides.", "clashes"),
    ("Bibi cannot stay in Pakistan, where she is widely believed to be at risk of being lynched.", "lynched"),
    ("Police cleared the roadblock by early afternoon without making arrests.", "arrests"),
    ("News of the arrests spread quickly.", "arrests"),
    ("Dozens of people have been killed in such fights over the past two years.", "fights"),
    ("Hichilema, who was arrested more than a dozen times in opposition, won the election.", "arrested"),
    ('"Our fight is with the government, not with our own people," he said.', "fight"),
    ("The judge threatened the force's director with fines and arrest if the order was not obeyed.", "arrest"),
    ("He said a second march would be held in the town next month.", "march"),
    ("It replaced the suspended sentence with a prison term, minus time already spent under house arrest.", "arrest"),
    ("Our weekly round-up of protest and politics across the central Sahel.", "round-up"),
    ("Villagers laid the body of a woman killed by a tiger on the road.", "killed"),
])
def test_mentions_flag_irrealis(lexicon, text, trigger):
    mention = next(m for m in _mentions(lexicon, text) if trigger in m.text)
    assert mention.is_irrealis


@pytest.mark.parametrize("text", [
    "Nyasa Big Bullets sealed the title after beating Silver Strikers 2-0 last Saturday.",
    # the purpose in an organisation's name
    "Organisers from the Coalition to March on the Convention met city officials on Thursday.",
    "A spokeswoman for the Campaign Against Strikes said the law was fair.",
])
def test_mentions_skip_trigger_words_inside_a_name(lexicon, text):
    assert not [m for m in _mentions(lexicon, text) if m.kind == "protest"]


@pytest.mark.parametrize("text", [
    "On 6 June 2020, students joined a Unity March in Oxford (Mississippi).",
    "On 7 November 2020, pro-Biden supporters gathered in Evanston to celebrate the AP's projection.",
])
def test_mentions_keep_named_marches_and_political_celebrations(lexicon, text):
    assert any(m.is_eventive for m in _mentions(lexicon, text))


def test_mentions_read_a_title_case_headline(lexicon):
    assert [m.text for m in _mentions(lexicon, "Police Clash With Protesters in Minsk")]


@pytest.mark.parametrize("text,kinds", [
    ("A 58-year-old man was jailed for three years.", set()),
    ("Courts have begun handing down sentences within days of arrest.", set()),
    ("Gunmen shot dead a protest organiser outside his home.", {"kill", "attack"}),
    ("About 4,000 demonstrators packed Wellington Street on Saturday.", {"protest"}),
    ("Protesters stormed the Iranian consulate, setting the building on fire.", {"violent_protest", "looting"}),
    ("Youths set a hotel alight, throwing missiles at police.", {"looting", "violent_protest"}),
    ("Thousands streamed into the mall, carrying out televisions and fridges.", {"looting"}),
    ("Crowds rushed the Ndofaya shopping centre on Monday night.", {"looting"}),
    ("A crowd forced its way into the minister's home and carried away valuables.", {"violent_protest", "looting"}),
    ("Supporters tried to force their way in and set buses and cars on fire.", {"looting"}),
    ("Running battles between youths and police went on all day.", {"violent_protest"}),
    ("Crowds had barricaded the Masaka-Mbarara road at Nyendo.", {"protest"}),
    ("Separatists blocked the AP-7 motorway at La Jonquera for several hours.", {"protest"}),
    ("On Thursday the army announced that it had retaken Gondar.", {"territory_gov"}),
    ("The rebels announced that they had taken control of Goma.", {"territory_nsa"}),
    ("About 12,700 workers walked out of three assembly plants on Friday.", {"protest"}),
    ("The minister walked out of the meeting.", set()),
    ("Personnel fired tear gas shells, smoke bombs and rubber bullets.", {"intervention"}),
    ("A few dozen members held a counter-demonstration under heavy police watch.", {"protest"}),
    ("Some 40,000 people, according to organisers, filled the SNP Square in Bratislava.", {"protest"}),
    ("Several hundred people blocked access to the Friendship Bridge for three hours.", {"protest"}),
    ("Fans filled the stadium.", set()),
])
def test_mentions_read_what_the_words_report(lexicon, text, kinds):
    assert {m.kind for m in _mentions(lexicon, text) if m.is_eventive and not m.is_weak} == kinds


@pytest.mark.parametrize("text", [
    "Police arrested a student accused of organising the protest.",
    "Police arrested a prominent activist accused of sedition.",
])
def test_mentions_keep_the_arrest_of_a_suspect_of_protest_or_a_political_charge(lexicon, text):
    arrest, = [m for m in _mentions(lexicon, text) if m.kind == "arrest"]
    assert not arrest.is_irrealis


@pytest.mark.parametrize("text", [
    "Thousands protested in the capital on Sunday.",
    "With no permit in hand, thousands marched to parliament.",
    "Rioters set fire to cars as heavy rains fell on the capital.",
])
def test_mentions_keep_real_event_eventive(lexicon, text):
    mentions = _mentions(lexicon, text)
    assert mentions and all(m.is_eventive for m in mentions)


@pytest.mark.parametrize("text,trigger", [
    ("Police detained 40 people in Kampala, describing the march as unlawful.", "detained"),
    ("Journalists who had covered the protest were detained on Friday.", "detained"),
    ("Police detained 12 people who remained in the square.", "detained"),
    ("Fighting broke out between rival fans in Athens.", "Fighting"),
    ("Police carried out a round-up of protesters in Minsk on Sunday.", "round-up"),
    ("Relatives said 40 detainees had been beaten after the march.", "detainees"),
    ("Police arrested 17 protesters accused of blocking the road.", "arrested"),
    ("Police arrested 40 protesters. A man was later held on suspicion of theft.", "arrested"),
    ("Thousands backed the strike, and police fired tear gas in Lagos on Monday.", "tear gas"),
])
def test_mentions_keep_the_event_beside_a_labelled_or_covered_one(lexicon, text, trigger):
    mention = next(m for m in _mentions(lexicon, text) if trigger in m.text)
    assert mention.is_eventive


def test_mentions_skip_excluded_spans(lexicon):
    text = "Since the protests began, dozens have been detained."
    start = text.index("Since")
    mentions = find_mentions(text, [(0, len(text))], lexicon, excluded=[(start, start + 24)])
    assert [m.kind for m in mentions] == ["arrest"]


def test_mentions_coordinated_irrealis(lexicon):
    text = "The union said it would hold a general strike and a rally next month."
    mentions = _mentions(lexicon, text)
    assert mentions and all(m.is_irrealis for m in mentions)
