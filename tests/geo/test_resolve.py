import time

import pytest

from protestwatch.geo.resolve import focus_country


def by_text(places):
    return {place.text: place for place in places}


@pytest.mark.parametrize("text, surface, country_code, precision", [
    ("Hundreds walked through central Minsk on Saturday evening.", "Minsk", "BY", "place"),
    ("Protesters in Paris blocked the ring road.", "Paris", "FR", "place"),
    ("Farmers staged a rally in Belarus last week.", "Belarus", "BY", "country"),
    ("Teachers went on strike in Texas on Tuesday.", "Texas", "US", "admin1"),
    ("Belarusian workers walked out of the tractor plant.", "Belarusian", "BY", "country"),
    ("Dockers in Lagos stopped work.", "Lagos", "NG", "place"),
])
def test_resolve_parse_finds_and_resolves(geoparser, text, surface, country_code, precision):
    place = by_text(geoparser.parse(text))[surface]
    assert (place.country_code, place.precision) == (country_code, precision)


def test_resolve_parse_uses_bracketed_state_for_containment(geoparser):
    place = by_text(geoparser.parse("Residents of Springfield (Illinois) gathered at noon."))["Springfield"]
    assert (place.country_code, place.admin1) == ("US", "Illinois")


def test_resolve_parse_uses_comma_state_for_containment(geoparser):
    place = by_text(geoparser.parse("A vigil was held in Paris, Texas, on Friday."))["Paris"]
    assert (place.country_code, place.admin1) == ("US", "Texas")


def test_resolve_parse_skips_an_unknown_first_division_in_brackets(geoparser):
    # "Xyzzyville County" is no gazetteer name; Illinois still contains Springfield.
    text = "Residents of Springfield (Xyzzyville County, Illinois) gathered at noon."
    place = by_text(geoparser.parse(text))["Springfield"]
    assert (place.country_code, place.admin1) == ("US", "Illinois")


def test_resolve_parse_acled_style_downtown_brackets(geoparser):
    places = geoparser.parse("Activists held a protest in Downtown Austin (Texas) against the council.")
    austin = [p for p in places if p.place == "Austin"]
    assert austin and austin[0].admin1 == "Texas"


def test_resolve_parse_landmark_takes_town_coordinates(geoparser):
    places = by_text(geoparser.parse("Riot police fired tear gas in Tahrir Square in Cairo."))
    square, cairo = places["Tahrir Square"], places["Cairo"]
    assert square.precision == "point" and square.name == "Tahrir Square"
    assert (square.lat, square.lon, square.place) == (cairo.lat, cairo.lon, "Cairo")


def test_resolve_parse_landmark_uses_town_in_focus(geoparser):
    text = "Opposition supporters returned to Minsk. Later they gathered on Independence Square."
    square = by_text(geoparser.parse(text))["Independence Square"]
    assert (square.place, square.country_code, square.precision) == ("Minsk", "BY", "point")


@pytest.mark.parametrize("text, landmark, town", [
    # the head word first: the name after the particle is a person's or a day's, not a town
    ("In Bogota, thousands gathered in Plaza de Bolívar on Sunday.", "Plaza de Bolívar", "Bogotá"),
    ("Crowds filled Puerta del Sol on Sunday evening in Madrid.", "Puerta del Sol", "Madrid"),
    ("The march wound along Paseo de la Reforma to the Gate of Independence in Mexico City.",
     "Gate of Independence", "Mexico City"),
])
def test_resolve_landmark_with_its_head_word_first(geoparser, text, landmark, town):
    places = by_text(geoparser.parse(text))
    assert (places[landmark].precision, places[landmark].place) == ("point", town)
    assert not {"Bolívar", "Sol", "Independence", "Reforma"} & set(places)


def test_resolve_parse_lowercase_landmark_head(geoparser):
    text = "Egyptian students marched to the Parliament building in Cairo."
    assert by_text(geoparser.parse(text))["Parliament building"].place == "Cairo"


@pytest.mark.parametrize("text", [
    "Mark Smith said the march was peaceful.",
    "President Lukashenko spoke on Monday in May.",
    "Police said the crowd dispersed by Sunday.",
    "Will the government listen?",
])
def test_resolve_parse_ignores_common_capitalised_words(geoparser, text):
    assert geoparser.parse(text) == []


def test_resolve_parse_context_picks_country_in_focus(geoparser):
    text = "Georgian police detained activists in Tbilisi. Protests spread across Georgia."
    assert by_text(geoparser.parse(text))["Georgia"].country_code == "GE"


def test_resolve_spans_answers_every_span(geoparser):
    text = "Residents of Springfield (Illinois) gathered near Qwxzzy."
    places = geoparser.resolve_spans(text, [(13, 24), (49, 55)])
    assert places[0].admin1 == "Illinois" and places[1] is None


def test_resolve_spans_falls_back_to_inner_name(geoparser):
    text = "A march began in Downtown Minsk."
    place = geoparser.resolve_spans(text, [(17, 31)])[0]
    assert place.country_code == "BY"


def test_resolve_focus_country_counts_mentions(geoparser):
    places = geoparser.parse("Crowds in Minsk and Grodno defied police, Belarusian media said. Poland offered help.")
    assert focus_country(places) == "BY"


def test_resolve_focus_country_of_nothing_is_none():
    assert focus_country([]) is None


def test_resolve_parse_is_fast(geoparser):
    text = ("Thousands of people marched in central Minsk on Sunday, demanding the resignation of President "
            "Alexander Lukashenko. Police detained dozens near Independence Square, and rallies were also "
            "reported in Grodno, Brest and Gomel, Belarusian media said.")
    geoparser.parse(text)
    started = time.perf_counter()
    for index in range(100):
        geoparser.parse(text + f" Report {index}.")
    assert 100 / (time.perf_counter() - started) > 200


@pytest.mark.parametrize("text, surface, country_code, admin1", [
    # Admin1 names outside the US come from GeoNames' cities table, with ISO 3166-2 spellings as aliases.
    ("Students marched in Rawalpindi (Punjab) on Monday.", "Rawalpindi", "PK", "Punjab"),
    ("Farmers protested in Santa Cruz (Santa Cruz) over fuel prices.", "Santa Cruz", "BO", "Santa Cruz"),
    ("Soldiers clashed with rebels in Hpakant (Kachin).", "Hpakant", "MM", "Kachin"),
])
def test_resolve_bracketed_admin1_outside_us(geoparser, text, surface, country_code, admin1):
    place = by_text(geoparser.parse(text))[surface]
    assert (place.country_code, place.admin1) == (country_code, admin1)


def test_resolve_unknown_or_foreign_town_falls_back_to_its_bracketed_division(geoparser):
    # Kani exists in Japan, not in the gazetteer's Myanmar: the writer's bracket decides.
    kani = by_text(geoparser.parse("Fighting was reported in Kani (Sagaing) on Friday."))["Kani"]
    assert (kani.country_code, kani.precision, kani.name) == ("MM", "admin1", "Sagain")


@pytest.mark.parametrize("text, rejected", [
    ("Al Shabaab militants attacked a base on Friday.", "Al"),
    ("Clashes broke out in Bulo Burte on Friday.", "Bulo"),
])
def test_resolve_rejects_first_word_of_unknown_name(geoparser, text, rejected):
    assert rejected not in by_text(geoparser.parse(text))


def test_resolve_bracketed_capital_city_still_gives_the_country(geoparser):
    # The gazetteer knows Taiz only as a city; the bracket still rules out Al Bayda in Libya.
    place = by_text(geoparser.parse("Shelling hit Al Bayda (Taiz) on Friday."))["Al Bayda"]
    assert place.country_code == "YE"


@pytest.mark.parametrize("text, rejected", [
    ("Troops fired Grad rockets at the village on Friday.", "Grad"),  # a weapon, not Grad in Slovenia
    ("Houthis shelled Bani Hushaysh on Friday.", "Bani"),  # start of a name the gazetteer lacks
    ("Members of the Confederation of Indigenous Nationalities marched.", "Confederation"),
])
def test_resolve_rejects_weapon_and_name_parts(geoparser, text, rejected):
    assert rejected not in by_text(geoparser.parse(text))


def test_resolve_place_head_keeps_town_and_its_bracket(geoparser):
    kani = by_text(geoparser.parse("Fighting was reported in Kani Township (Sagaing) on Friday."))["Kani"]
    assert kani.country_code == "MM"


@pytest.mark.parametrize("text, rejected", [
    ("Youths set up barricades in the Puerto Resistencia area on Thursday.", "Resistencia"),
    ("Police in the Federal District dispersed the march.", "Federal"),
])
def test_resolve_rejects_last_word_of_unknown_name_and_bare_division_words(geoparser, text, rejected):
    assert rejected not in by_text(geoparser.parse(text))


def test_resolve_town_before_a_lowercase_connector_is_kept(geoparser):
    # "on Tuesday" does not make Shwebo the first word of a longer name.
    assert "Shwebo" in by_text(geoparser.parse("Jets bombed the town of Shwebo on Tuesday morning."))


def test_resolve_division_word_after_a_name_picks_the_division(geoparser):
    place = by_text(geoparser.parse("An air strike hit the Sagaing region on Tuesday."))["Sagaing"]
    assert place.precision == "admin1"


def test_resolve_direction_words_are_divisions_only_in_brackets(geoparser):
    assert "West" not in by_text(geoparser.parse("The unrest is the worst in the West African country in decades."))
    assert by_text(geoparser.parse("Protesters clashed with police in Colombo (Western)."))["Western"].country_code == "LK"


def test_resolve_leaves_a_lone_small_namesake_abroad_unknown(geoparser):
    # El Alto, Bolivia is missing from GeoNames' cities tables; El Alto, Peru has 9,000 people.
    text = ("Bolivian soldiers fired on protesters on Tuesday. Mourners marched from La Paz to "
            "Cochabamba and Sacaba, in Bolivia, on Wednesday. In El Alto, shops stayed shut.")
    places = by_text(geoparser.parse(text))
    assert places["La Paz"].country_code == "BO"
    # found, but not placed in Peru
    assert places["El Alto"].lat is None or places["El Alto"].country_code == "BO"


def test_resolve_name_before_a_lowercase_landmark_is_the_landmark(geoparser):
    places = by_text(geoparser.parse("Thousands rallied outside the Miraflores presidential palace in Caracas."))
    assert places["Caracas"].country_code == "VE"
    assert all(place.country_code in ("VE", None) for place in places.values())


def test_resolve_sentence_opening_word_before_the_airport_is_no_landmark(geoparser):
    assert geoparser.parse("Outside the airport, clashes continued on Sunday.") == []


@pytest.mark.parametrize("text,surface,place,country_code", [
    # Namesakes abroad (Phoenix, Arizona; Bridge City, Texas) or unknown: placed by the town named after them.
    ("In Phoenix, a suburb north of Durban, armed residents opened fire.", "Phoenix", "Durban", "ZA"),
    ("Crowds streamed into the Bridge City mall in KwaMashu, north of Durban.", "Bridge City", "Durban", "ZA"),
    # Known in the same country: the writer gives a distance, not a location.
    ("In Atbara, about 300 km north of Khartoum, hundreds marched.", "Atbara", "Atbara", "SD"),
    ("Protesters marched in Phoenix, Arizona, north of Tucson.", "Phoenix", "Phoenix", "US"),
])
def test_resolve_parse_places_a_name_by_the_town_it_lies_north_of(geoparser, text, surface, place, country_code):
    found = next(p for p in geoparser.parse(text) if p.text == surface)
    assert (found.place, found.country_code) == (place, country_code)


@pytest.mark.parametrize("text,absent", [
    ("President Luiz Inácio Lula da Silva took office in Brasília.", "Silva"),  # a surname after "da"
    ("The arrest of National Unity Platform candidate Robert Kyagulanyi in Uganda.", "Unity"),
    ("A curfew was imposed in parts of the Capital after the riot in Kathmandu.", "Capital"),
    ("Protesters in Istanbul tried to break through barricades toward the Valens Aqueduct.", "Valens"),
    ("Officers fired dozens of rounds at Walker, a 25-year-old driver, in Akron, Ohio.", "Walker"),
    ("Protesters in Bishkek, Kyrgyzstan, stormed the White House.", "White House"),
    ("Troops of the Assam Rifles fired on the crowd in Imphal, India.", "Assam"),
])
def test_resolve_parse_skips_names_of_people_and_parties(geoparser, text, absent):
    assert absent not in {p.text for p in geoparser.parse(text)}


def test_resolve_capital_reference_is_the_capital_of_the_country_in_focus(geoparser):
    text = "Police fired on marchers in Nampula, Mozambique. In the capital, youths burned tyres."
    places = geoparser.parse(text)
    capital, = geoparser.find_capital_references(text, places)
    assert (capital.text, capital.place, capital.country_code) == ("the capital", "Maputo", "MZ")
    assert geoparser.find_capital_references("The capital of France is Paris.", geoparser.parse("France")) == []


def test_resolve_unnamed_parliament_or_high_court_stands_in_the_capital_in_focus(geoparser):
    text = ("Police fired tear gas in Busan, South Korea. Protesters gathered outside the National Assembly "
            "and later outside the Supreme Court.")
    references = geoparser.find_capital_references(text, geoparser.parse(text))
    assert [(p.text, p.place, p.country_code, p.precision) for p in references] == [
        ("National Assembly", "Seoul", "KR", "place"), ("Supreme Court", "Seoul", "KR", "place")]


@pytest.mark.parametrize("text", [
    "Lawyers in Busan, South Korea, filed a challenge at the Supreme Court.",  # a filing, not a place
    "Marchers in Busan, South Korea, walked to parliament in Seoul.",  # the text names the town
    "Marchers in Busan, South Korea, protested outside the European Parliament.",  # not the country's own
])
def test_resolve_parliament_or_court_is_not_the_capital_when_the_words_say_otherwise(geoparser, text):
    assert geoparser.find_capital_references(text, geoparser.parse(text)) == []


def test_resolve_landmark_named_again_is_the_one_first_placed(geoparser):
    text = ("On Friday in Cairo, Egypt, thousands of protesters gathered in Liberation Square. "
            "By night police had cleared Liberation Square, a diplomat who spoke to reporters in Amman said.")
    squares = [p for p in geoparser.parse(text) if p.text == "Liberation Square"]
    assert [(p.place, p.country_code) for p in squares] == [("Cairo", "EG"), ("Cairo", "EG")]


def test_resolve_landmark_is_not_in_a_capital_named_as_its_government(geoparser):
    text = ("Opposition supporters rallied in Caracas, Venezuela, on Saturday. Several thousand government "
            "supporters marched the same day to the Miraflores presidential palace for a rally, where Maduro "
            "accused Washington of waging an electric war.")
    palace, = [p for p in geoparser.parse(text) if p.text == "Miraflores presidential palace"]
    assert (palace.place, palace.country_code) == ("Caracas", "VE")


def test_resolve_continent_is_found_with_its_point_and_no_country(geoparser):
    africa, = [p for p in geoparser.parse("Eswatini, Africa's last absolute monarchy, banned protests.")
               if p.text == "Africa"]
    assert (africa.precision, africa.country_code, africa.feature_code) == ("continent", None, "CONT")
    assert abs(africa.lat - 7.19) < 0.1 and abs(africa.lon - 21.09) < 0.1


@pytest.mark.parametrize("text,surname,kept", [
    ("Jayland Walker was shot by police in Akron, Ohio. Walker's family called for calm.", "Walker", set()),
    # cued as a place, the word stays one
    ("George Washington crossed the river. Protesters marched in Washington.", "Washington", {"Washington"}),
])
def test_resolve_a_surname_is_a_surname_throughout_the_text(geoparser, text, surname, kept):
    assert {p.text for p in geoparser.parse(text) if p.text == surname} == kept


def test_resolve_landmark_takes_a_town_of_its_own_sentence(geoparser):
    text = ("The violence was worst in the northern city of Kano, Nigeria, where youths ransacked shops "
            "along Zoo Road. In Lagos, thousands rallied peacefully.")
    road, = [p for p in geoparser.parse(text) if p.text == "Zoo Road"]
    assert road.place == "Kano"


def test_resolve_a_division_spelt_out_after_an_unknown_town_gives_its_country(geoparser):
    text = "Fighters overran a gendarmerie post in Inata, in the northern province of Soum, Burkina Faso."
    inata, = [p for p in geoparser.parse(text) if p.text == "Inata"]
    assert inata.country_code == "BF"  # not the Japanese town of the same name


def test_resolve_a_town_abroad_found_only_by_another_of_its_names_is_doubted(geoparser):
    text = ("Rioters set fire to a bus on O'Connell Street in Dublin, Ireland, near the Spire. "
            "Police in Dublin made arrests on Henry Street.")
    spire, = [p for p in geoparser.parse(text) if p.text == "Spire"]
    assert spire.lat is None  # not Speyer, Germany, whose English name it is


def test_resolve_city_and_district_joined_by_a_hyphen(geoparser):
    places = by_text(geoparser.parse("People protested in New York-Manhattan (New York) on Sunday."))
    assert places["New York"].country_code == "US" and places["Manhattan"].country_code == "US"


@pytest.mark.parametrize("text, unwanted", [
    ("Gunmen attacked travellers on the Jos-Abuja highway.", "Jos"),  # a road between two towns
    ("Pro-Palestinian marchers filled the square.", "Palestinian"),  # a prefix, not a place
])
def test_resolve_hyphenated_words_that_are_no_two_places(geoparser, text, unwanted):
    assert unwanted not in by_text(geoparser.parse(text))


@pytest.mark.parametrize("text, unwanted", [
    ("Tensions had been building since Tuesday in Bangkok.", "Tensions had been building"),
    ("The camp was the end point of the march in Bangkok.", "The camp"),
])
def test_resolve_clause_or_determiner_before_a_lowercase_head_is_no_landmark(geoparser, text, unwanted):
    assert unwanted not in by_text(geoparser.parse(text))


def test_resolve_name_before_intersection_is_a_landmark(geoparser):
    assert "Pathumwan intersection" in by_text(geoparser.parse("Police fired water cannon at the Pathumwan intersection in Bangkok."))


def test_resolve_nelson_mandela_is_a_person(geoparser):
    places = by_text(geoparser.parse("Nelson Mandela Bay Municipality raised tariffs in Gqeberha."))
    assert "Nelson" not in places


def test_resolve_landmark_beyond_its_sentence_takes_a_town_of_the_country_in_focus(geoparser):
    text = ("Protesters in Almaty, Kazakhstan, set fire to the mayor's office. Kazakhstan's president asked for "
            "help, and Moscow said its paratroopers had begun arriving.\n\nCrowds gathered again on Republic Square.")
    assert by_text(geoparser.parse(text))["Republic Square"].country_code == "KZ"


@pytest.mark.parametrize("text, absent", [
    ("The truck owner will pay Rs 1 million to the family, officials in Kathmandu said.", "Rs"),
    ("Windows were smashed at an annex housing the Ministry of Economy, and police fired tear gas.", "Economy"),
    ("The far-right Freedom and Direct Democracy party joined the rally in Prague.", "Freedom"),
    ("They met at the corner of Wellington and Metcalfe streets in Ottawa.", "Wellington"),
    ("Hundreds gathered at the corner of Juncal and Uruguay streets in Recoleta, Buenos Aires.", "Uruguay"),
    ("The independent Turan news agency reported that 14 people were detained in Baku.", "Turan"),
    ("Twenty-three inmates were killed in the La Modelo riot in Bogota.", "La"),
    ("The Unity Pact said dozens of its members had been detained in Bolivia.", "Unity"),
    ('"They burned our church," said a resident of Jaranwala.', "They burned our church"),
    ('"Twelve people were detained," the spokeswoman, Ilse Van de Keere, told AFP in Brussels.', "Van"),
    ("Ecuador's President Lenín Moreno declared a state of emergency. Moreno moved to Guayaquil.", "Moreno"),
    ("Police said a Molotov cocktail was thrown in Lützerath, Germany.", "Molotov"),
])
def test_resolve_abbreviations_everyday_words_and_agencies_are_no_towns(geoparser, text, absent):
    assert absent not in by_text(geoparser.parse(text))


@pytest.mark.parametrize("text, surface, country_code", [
    ("Pensioners marched in Reading on Saturday.", "Reading", "GB"),
    ("Marches were also held in the northern towns of Sokode, Bafilo and Mango.", "Mango", "TG"),
    ("Marches were held in Sokode. The marches in Bafilo and Mango ended without incident, "
     "police in Mango said.", "Mango", "TG"),
    ("Police arrested two men in Richmond, Va., on Friday.", "Va.", "US"),
])
def test_resolve_everyday_words_are_towns_where_the_text_places_them(geoparser, text, surface, country_code):
    places = [place for place in geoparser.parse(text) if place.text == surface]
    assert places and all(place.country_code == country_code for place in places)


def test_resolve_surname_that_is_also_another_name_of_a_region_is_no_town(geoparser):
    text = ("GUATEMALA CITY (AP) - A court sentenced José Rubén Zamora, a newspaper founder, on Wednesday. "
            "Zamora's lawyers said he would appeal.")
    assert all(place.country_code != "MX" for place in geoparser.parse(text))


@pytest.mark.parametrize("text, landmark", [
    ("In the Jerash camp, around 300 people held a sit-in outside the school in Jordan.", "Jerash camp"),
    ("Residents of Baqaa camp march against aid cuts in Jordan on Friday.", "Baqaa camp"),
    ("Rioters blocked the Source of the Nile bridge in Jinja, Uganda.", "Source of the Nile bridge"),
    ("Outside the Packer Avenue terminal in Philadelphia, dozens of longshoremen marched.", "Packer Avenue"),
])
def test_resolve_landmark_name_starts_after_a_sentence_opening_word(geoparser, text, landmark):
    assert landmark in by_text(geoparser.parse(text))


def test_resolve_street_named_after_a_town_abroad_is_in_the_town_of_the_text(geoparser):
    text = ("OTTAWA - About 1,500 people gathered in Ottawa on Wednesday before heading east "
            "along Wellington Street, police said.")
    street = by_text(geoparser.parse(text))["Wellington Street"]
    assert (street.place, street.country_code) == ("Ottawa", "CA")


def test_resolve_landmark_is_not_in_a_capital_named_for_its_government(geoparser):
    text = ("Thousands of Palestinian refugees marched through Baqaa camp yesterday, denouncing "
            "Washington's decision to withhold funding. Baqaa lies between Amman and Salt in Jordan.")
    camp = by_text(geoparser.parse(text))["Baqaa camp"]
    assert camp.country_code == "JO"


def test_resolve_a_capital_known_by_an_old_name_is_no_capital_for_that_name(geoparser):
    # "Philadelphia" is an old name of Amman; by its own name it is the American city.
    place = by_text(geoparser.parse("Dozens of longshoremen marched in Philadelphia on Tuesday."))["Philadelphia"]
    assert place.country_code == "US"


def test_resolve_a_town_in_an_organisations_name_is_evidence_not_a_place(geoparser):
    places = geoparser.parse("The Port of Spain City Corporation said its officers cleared vendors from the market "
                             "in San Fernando on Tuesday.")
    assert [(p.text, p.country_code) for p in places] == [("San Fernando", "TT")]


def test_resolve_a_newspapers_town_is_no_evidence(geoparser):
    places = geoparser.parse("Vendors protested in San Fernando on Tuesday, the Washington Post reported.")
    assert [p.country_code for p in places if p.text == "San Fernando"] == ["PH"]


def test_resolve_a_bracketed_division_known_only_by_an_alias_abroad_does_not_move_the_town(geoparser):
    places = geoparser.parse("Five people were killed in Kumbo (Bui division) when soldiers opened fire.")
    assert by_text(places)["Kumbo"].country_code == "CM"


@pytest.mark.parametrize("text, surface, country_code", [
    ("MRC supporters marched in Douala and in the Southwest on Tuesday.", "Southwest", "CM"),
    ("Looters emptied a warehouse in the Federal Capital Territory on Sunday.", "Federal Capital Territory", "NG"),
])
def test_resolve_divisions_as_news_write_them(geoparser, text, surface, country_code):
    assert by_text(geoparser.parse(text))[surface].country_code == country_code


def test_resolve_a_compass_word_before_a_name_is_a_direction(geoparser):
    places = geoparser.parse("Students rioted in Kendari, the capital of Southeast Sulawesi, on Thursday.")
    assert [p.text for p in places] == ["Kendari"]


def test_resolve_a_place_named_like_an_organisation_is_a_place(geoparser):
    # "Bank" ends organisations' names ("World Bank"), but "West Bank" is in the gazetteer
    places = by_text(geoparser.parse("Residents marched in Beita (Nablus, West Bank) on Friday."))
    assert places["West Bank"].country_code == "PS"


def test_resolve_english_counties_in_a_british_report(geoparser):
    text = ("Climate protesters disrupted traffic around London on Monday: about 80 activists blocked five "
            "junctions of the M25 in Hertfordshire, Essex, Surrey and Kent, police said.")
    places = by_text(geoparser.parse(text))
    for county in ("Hertfordshire", "Essex", "Surrey", "Kent"):
        place = places[county]
        assert (place.country_code, place.admin1, place.precision) == ("GB", "England", "admin1"), county


@pytest.mark.parametrize("text, country_code", [
    ("Hundreds marched in London on Saturday. In Essex, dozens joined a second rally.", "GB"),
    # no English county where the report is American (the gazetteer lacks Essex, Vermont)
    ("Residents of Burlington, Vermont, marched on Saturday. In Essex, dozens joined a second rally.", "US"),
])
def test_resolve_a_county_name_by_the_country_of_the_text(geoparser, text, country_code):
    assert by_text(geoparser.parse(text))["Essex"].country_code == country_code


@pytest.mark.parametrize("text, precision", [
    ("Farmers protested in Agra on Monday.", "place"),  # the town, not its same-named district
    ("Farmers blocked roads across Agra district on Monday.", "admin1"),
])
def test_resolve_a_town_before_its_same_named_district(geoparser, text, precision):
    place = by_text(geoparser.parse(text))["Agra"]
    assert (place.country_code, place.admin1, place.precision) == ("IN", "Uttar Pradesh", precision)


@pytest.mark.parametrize("text", [
    "Police arrested a man at Junction 10 near Wisley after activists climbed a gantry.",
    "Drivers were stuck at Junction 3 for hours.",
])
def test_resolve_a_numbered_road_word_is_no_place(geoparser, text):
    assert not [p for p in geoparser.parse(text) if p.text in ("Junction", "Gate", "Exit")]
