#!/usr/bin/env python3
"""Writes a corpus of spreadsheet exports the importer was not designed around.

    target/venv/bin/python tests/corpus/make_corpus.py OUT_DIR [--expected DIR] [--no-check]

Every file is written by real software: Python's csv module (UTF-8, UTF-8 with a BOM,
Windows-1252, UTF-16 tab-separated), openpyxl (Microsoft-Forms-like and hand-kept workbooks)
and LibreOffice headless (re-saved .xlsx, .ods and .xls copies). The content comes from
the lists below; each file words the questions and the answers its own way, as the people who write
next year's forms would.

--expected DIR also writes, for each file, DIR/<file name>.json: the reading a careful organiser
would give of every column and every data row: {"file", "kind", "header_row" (1-based labels
row), "columns": [{"header", "field", "option"?}], "rows": [...]}. Submission rows always carry
title, summary, first_name, last_name, email, organisation, format, axes, actor_type, language;
registration rows first_name, last_name, email, organisation, actor_type, wishes, accessibility;
both also carry external_id, submitted_at (ISO 8601, local time as written, no zone), phone,
country, co_speakers when the file has such a column. The JSON files are committed; the script
writes them again only when asked.

Afterwards the script reads every file back (csv, openpyxl, LibreOffice for .ods/.xls) and checks
that the header row, the number of columns and the number of data rows agree with the
expectation. Deterministic: fixed seeds, fixed dates.
"""
import csv
import datetime as dt
import io
import json
import random
import atexit
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path


# A LibreOffice profile of this run's own: two runs at once (two checkouts, a test run
# beside a session's) would otherwise lock each other out of a shared one.
_LO_DIR = tempfile.mkdtemp(prefix="journee-corpus-lo-")
LO_PROFILE = Path(_LO_DIR).as_uri()
atexit.register(shutil.rmtree, _LO_DIR, ignore_errors=True)
CSV_UTF8_COMMA = "CSV:44,34,76,1"

SUB_KEYS = ["title", "summary", "first_name", "last_name", "email", "organisation", "format",
            "axes", "actor_type", "language"]
REG_KEYS = ["first_name", "last_name", "email", "organisation", "actor_type", "wishes",
            "accessibility"]
EXTRA_KEYS = ["external_id", "submitted_at", "phone", "country", "co_speakers"]


# ---------------------------------------------------------------------------------------------
# The content: the people and what they really proposed. Each file words the questions and the
# answers its own way, but the truth it carries is this.

# actor: public | entreprise | association | recherche | autre
# format: recherche | retour_experience | pitch | centrifugeuse
CONTRIBUTIONS = [
    dict(first="Élodie", last="Marchand", email="elodie.marchand@grenoble.fr",
         org="Ville de Grenoble", actor="public", format="retour_experience", axes=[1],
         lang="fr", country="France", co="Paul Rivière", co_email="paul.riviere@univ-grenoble-alpes.fr",
         title="Budget participatif de Grenoble : cinq ans d'évaluation",
         summary="Depuis 2015, la Ville de Grenoble consacre 800 000 euros par an à un budget "
         "participatif ouvert à tous les habitants dès 16 ans. Nous présenterons les résultats de "
         "l'évaluation menée avec un laboratoire universitaire : profil des votants, taux de "
         "réalisation des projets, coût de la démarche pour les services.\nNous reviendrons aussi "
         "sur ce qui n'a pas marché, notamment la faible participation dans les quartiers "
         "prioritaires, et sur les changements apportés au règlement en 2018."),
    dict(first="Loïc", last="Le Gall", email="loic.legall@bretagne.bzh",
         org="Région Bretagne", actor="public", format="retour_experience", axes=[1, 3],
         lang="fr", country="France", co="", co_email="",
         title="Une plateforme régionale de consultation mutualisée",
         summary="La Région Bretagne a lancé en 2017 un marché public pour une plateforme de "
         "consultation ouverte gratuitement aux communes et intercommunalités du territoire. "
         "Quarante collectivités l'utilisent aujourd'hui. Nous présenterons le montage juridique "
         "(groupement de commandes), le coût réel pour chaque membre et les limites d'un outil "
         "unique pour des besoins très différents."),
    dict(first="Zoë", last="Lambert", email="zoe@quartiers-connectes.org",
         org="Association Quartiers Connectés", actor="association", format="retour_experience",
         axes=[2], lang="fr", country="France", co="Karima Saïdi", co_email="karima.saidi@quartiers-connectes.org",
         title="Cartographier les logements vacants avec les habitants",
         summary="Avec une application mobile très simple, 300 habitants de trois quartiers de "
         "Marseille ont recensé plus de 1 200 logements vacants en six mois. Les données, "
         "publiées sous licence ouverte, ont servi de base à une interpellation du conseil "
         "municipal.\n\nNous partagerons notre méthode de vérification des signalements et ce "
         "que la démarche a changé dans nos relations avec la mairie."),
    dict(first="Karim", last="Benali", email="k.benali@delibera.fr",
         org="Délibéra SAS", actor="entreprise", format="pitch", axes=[3],
         lang="fr", country="France", co="", co_email="",
         title="Pour un label public des outils de consultation",
         summary="Les collectivités choisissent leurs outils de participation sans critères "
         "communs : sécurité des données, accessibilité, transparence des algorithmes de "
         "synthèse. Nous proposons qu'un label, délivré par un organisme indépendant, aide les "
         "acheteurs publics à comparer les offres. Cinq minutes pour convaincre les éditeurs "
         "présents de s'y engager avec nous."),
    dict(first="Anne-Sophie", last="Rousseau", email="anne-sophie.rousseau@univ-rennes2.fr",
         org="Université Rennes 2", actor="recherche", format="recherche", axes=[1, 2],
         lang="fr", country="France", co="Yves Kerjean", co_email="yves.kerjean@univ-rennes2.fr",
         title="Qui participe en ligne ? Enquête sur 12 000 contributeurs",
         summary="Notre équipe a interrogé 12 000 personnes ayant contribué à au moins une "
         "consultation en ligne entre 2016 et 2018. L'enquête permet de comparer leur profil "
         "sociologique à celui des participants aux réunions publiques. Premiers résultats : "
         "les contributeurs en ligne sont plus jeunes, mais pas moins diplômés.\nNous discuterons "
         "des biais de l'échantillon et des suites prévues."),
    dict(first="Mathieu", last="Fontaine", email="mathieu.fontaine@developpement-durable.gouv.fr",
         org="Ministère de la Transition écologique et solidaire", actor="public",
         format="retour_experience", axes=[1], lang="fr", country="France", co="", co_email="",
         title="Consultations réglementaires : que deviennent les avis reçus ?",
         summary="Chaque année, le ministère soumet plus de 200 projets de textes à la "
         "consultation du public. Nous avons suivi pendant un an le traitement des avis par les "
         "bureaux rédacteurs. Nous présenterons les chiffres (nombre d'avis, délais, textes "
         "modifiés) et les outils internes mis en place pour rédiger les synthèses."),
    dict(first="Chloé", last="Nguyen", email="chloe.nguyen@donneescommunes.org",
         org="Collectif Données Communes", actor="association", format="centrifugeuse", axes=[],
         lang="fr", country="France", co="", co_email="",
         title="Un outil libre pour suivre les promesses des élus locaux",
         summary="Nous voulons construire un outil libre qui permette à n'importe quel collectif "
         "de suivre les engagements pris pendant une campagne municipale et leur réalisation. "
         "Le projet est en conception : nous avons une maquette et des partenaires dans deux "
         "villes. Nous cherchons des retours sur la gouvernance du projet et son financement."),
    dict(first="Thibault", last="Mercier", email="thibault@agora-numerique.fr",
         org="Agora Numérique SARL", actor="entreprise", format="retour_experience", axes=[3, 4],
         lang="fr", country="France", co="", co_email="",
         title="Vingt consultations internes en entreprise : bilan chiffré",
         summary="Depuis 2016, nous avons accompagné vingt entreprises de 50 à 8 000 salariés "
         "dans des consultations internes sur l'organisation du travail. Taux de participation, "
         "suites données, réactions des représentants du personnel : nous présenterons un bilan "
         "sans fard, y compris les trois démarches arrêtées en cours de route."),
    dict(first="Inès", last="Haddad", email="ines.haddad@sciencespo.fr",
         org="Sciences Po – CEVIPOF", actor="recherche", format="recherche", axes=[1],
         lang="fr", country="France", co="", co_email="",
         title="Pétitions en ligne et agenda parlementaire (2012-2018)",
         summary="À partir d'un corpus de 4 500 pétitions en ligne, nous étudions lesquelles ont "
         "été reprises dans une question écrite, un amendement ou une proposition de loi. La "
         "méthode combine analyse textuelle et entretiens avec des collaborateurs "
         "parlementaires. Les premiers résultats montrent le rôle décisif des relais "
         "associatifs."),
    dict(first="Hélène", last="Vasseur", email="h.vasseur@horizons-publics.org",
         org="Institut Horizons Publics (think-tank)", actor="recherche", format="recherche",
         axes=[3], lang="fr", country="France", co="", co_email="",
         title="Financer la civic tech : mécénat, subventions ou commande publique ?",
         summary="Nous avons analysé les comptes de 35 structures de la civic tech française "
         "(associations, coopératives, start-up) sur trois exercices. La présentation "
         "détaillera la part des financements publics, du mécénat et des prestations, et "
         "posera la question de la dépendance à un petit nombre de clients."),
    dict(first="Maëlle", last="Jacquet", email="mjacquet@grandlyon.com",
         org="Métropole de Lyon", actor="public", format="centrifugeuse", axes=[],
         lang="fr", country="France", co="", co_email="",
         title="Un jury citoyen tiré au sort pour la métropole",
         summary="La Métropole envisage de créer un jury citoyen de 40 habitants tirés au sort, "
         "qui rendrait un avis sur deux projets par an. Le projet n'est pas encore lancé : "
         "tirage au sort, indemnisation, articulation avec les outils en ligne existants, tout "
         "reste à définir. Nous voulons éprouver le projet auprès de pairs."),
    dict(first="Benoît", last="Carré", email="bcarre@ville-roubaix.fr",
         org="Mairie de Roubaix", actor="public", format="pitch", axes=[],
         lang="fr", country="France", co="", co_email="",
         title="Appel aux petites communes : mutualisons nos outils",
         summary="Une commune de 5 000 habitants ne peut pas payer seule une plateforme de "
         "participation. Nous appelons les petites et moyennes communes à se regrouper pour "
         "acheter, héberger et faire vivre ensemble des outils libres."),
    dict(first="Océane", last="Perrin", email="oceane@voxdata.io",
         org="Vox Data SAS (start-up)", actor="entreprise", format="centrifugeuse", axes=[],
         lang="fr", country="France", co="", co_email="",
         title="Analyser 50 000 contributions sans trahir les citoyens",
         summary="Nous développons un outil d'aide à la synthèse des consultations fondé sur le "
         "traitement automatique du langage. Avant de le commercialiser, nous voulons "
         "confronter nos choix (ce que la machine classe, ce que l'humain relit) à des "
         "praticiens de la concertation.\nLe prototype sera disponible sur place."),
    dict(first="Yannick", last="Morel", email="yannick.morel@oxalis.coop",
         org="Coopérative Oxalis (SCOP)", actor="entreprise", format="retour_experience",
         axes=[4], lang="fr", country="France", co="", co_email="",
         title="Gouvernance partagée dans une SCOP de 300 associés",
         summary="Comment faire décider 300 associés répartis dans toute la France ? Nous "
         "utilisons depuis quatre ans un outil de décision par consentement en ligne. Nous "
         "présenterons les décisions prises de cette manière, le taux de participation selon "
         "les sujets et les tensions apparues avec les instances élues."),
    dict(first="Agnès", last="Roy", email="agnes.roy@centres-sociaux-nord.org",
         org="Fédération des centres sociaux du Nord", actor="association",
         format="retour_experience", axes=[2, 4], lang="fr", country="France",
         co="Nadia Belkacem", co_email="n.belkacem@centres-sociaux-nord.org",
         title="Consulter 4 000 adhérents sur notre projet fédéral",
         summary="Pour écrire son projet fédéral 2019-2023, la fédération a consulté ses 4 000 "
         "adhérents en ligne et dans les centres. Nous reviendrons sur l'articulation entre "
         "ateliers physiques et questionnaire numérique, et sur la place laissée aux bénévoles "
         "peu à l'aise avec les outils."),
    dict(first="Julien", last="Barbier", email="julien.barbier@laposte.net",
         org="", actor="autre", format="pitch", axes=[],
         lang="fr", country="France", co="", co_email="",
         title="Pour un droit d'initiative citoyenne locale",
         summary="Citoyen engagé dans ma commune, je propose qu'une pétition signée par 5 % des "
         "électeurs oblige le conseil municipal à inscrire un sujet à son ordre du jour. Je "
         "présenterai la proposition de loi que j'ai rédigée avec quelques juristes bénévoles."),
    dict(first="Sarah", last="Cohen", email="sarah.cohen@univ-paris1.fr",
         org="Université Paris 1 Panthéon-Sorbonne", actor="recherche", format="recherche",
         axes=[4], lang="fr", country="France", co="", co_email="",
         title="Démocratie d'entreprise et outils numériques : état des savoirs",
         summary="Cette revue de littérature rassemble 80 études publiées depuis 2005 sur les "
         "outils numériques de participation des salariés. Elle montre que les effets sur la "
         "décision sont rarement mesurés, et propose un cadre d'analyse pour les études à venir."),
    dict(first="François", last="Petit", email="f.petit@gironde.fr",
         org="Conseil départemental de la Gironde", actor="public", format="retour_experience",
         axes=[1], lang="fr", country="France", co="", co_email="",
         title="Le Grand Débat en Gironde : synthétiser 9 000 contributions",
         summary="En février 2019, le Département a organisé 60 réunions et recueilli 9 000 "
         "contributions en ligne. Nous présenterons la méthode de synthèse, réalisée par une "
         "équipe mixte d'agents et de citoyens volontaires, et ses limites."),
    dict(first="Noémie", last="Girard", email="noemie@voixdesjeunes.fr",
         org="Association Voix des Jeunes", actor="association", format="pitch", axes=[2],
         lang="fr", country="France", co="", co_email="",
         title="Un manifeste pour le vote à 16 ans",
         summary="Notre association a rédigé avec 2 000 lycéens un manifeste pour abaisser l'âge "
         "du droit de vote aux élections locales. Nous cherchons des élus et des associations "
         "prêts à le porter."),
    dict(first="Guillaume", last="Faure", email="guillaume@openquartier.fr",
         org="Open Quartier SAS", actor="entreprise", format="pitch", axes=[3],
         lang="fr", country="France", co="", co_email="",
         title="Sortir de l'expérimentation : quel modèle pour les start-ups civiques ?",
         summary="Après trois ans et douze collectivités clientes, notre start-up n'est toujours "
         "pas rentable. Nous appelons les acheteurs publics à passer de l'expérimentation "
         "gratuite à des contrats pluriannuels, et proposons un modèle de cahier des charges."),
    dict(first="Lucía", last="Fernández", email="lfernandez@madrid.es",
         org="Ayuntamiento de Madrid", actor="public", format="retour_experience", axes=[1],
         lang="en", country="Spain", co="", co_email="",
         title="Decide Madrid: three years of citizen proposals",
         summary="Since 2015, residents of Madrid can post proposals on the city's open-source "
         "platform; those reaching 1% support go to a citywide vote. We will share figures on "
         "participation and implementation, and what we changed after the first vote.\nThe "
         "talk will also cover how other cities reuse the software."),
    dict(first="Wei-Ting", last="Chen", email="weiting@taipeicivichackers.tw",
         org="Taipei Civic Hackers Collective", actor="association", format="retour_experience",
         axes=[2], lang="en", country="Taiwan", co="", co_email="",
         title="Hackathons as a bridge between government and citizens",
         summary="Our volunteer community has run bimonthly hackathons since 2013, where civil "
         "servants bring problems and citizens bring code. We will present three projects that "
         "became official services, and the conditions that made it possible."),
    dict(first="Oliver", last="Hughes", email="o.hughes@ed.ac.uk",
         org="University of Edinburgh", actor="recherche", format="recherche", axes=[1, 3],
         lang="en", country="United Kingdom", co="", co_email="",
         title="Who pays for civic tech? Evidence from 40 UK projects",
         summary="We traced the funding of 40 civic tech projects in the UK over ten years. "
         "Grant funding dominates the early years, but projects that survive rely on contracts "
         "with public bodies. We discuss what this means for their independence."),
    dict(first="Camila", last="Restrepo", email="camila.restrepo@medellin.gov.co",
         org="Alcaldía de Medellín", actor="public", format="retour_experience", axes=[1],
         lang="en", country="Colombia", co="", co_email="",
         title="Participatory budgeting by text message in Medellín",
         summary="To reach residents without internet access, Medellín added voting by SMS to "
         "its participatory budget in 2017. Turnout in the hillside districts doubled. We will "
         "show the costs, the fraud controls, and the lessons for other cities."),
    dict(first="Wanjiru", last="Kamau", email="wkamau@bungewatch.or.ke",
         org="Bunge Watch Kenya (NGO)", actor="association", format="pitch", axes=[2],
         lang="en", country="Kenya", co="", co_email="",
         title="Tracking Parliament by text message: a call for partners",
         summary="Bunge Watch sends Kenyan citizens a weekly text message on how their MP "
         "voted. We are looking for European partners to adapt the service to local councils."),
    dict(first="Freja", last="Ørsted", email="frors@aarhus.dk",
         org="Aarhus Kommune", actor="public", format="centrifugeuse", axes=[],
         lang="en", country="Denmark", co="", co_email="",
         title="A citizens' panel app for a mid-sized city",
         summary="Aarhus wants to replace its paper citizens' panel with a mobile app that asks "
         "500 residents one question a week. The project is at the design stage; we would like "
         "feedback on recruitment and on keeping the panel representative."),
    dict(first="Siobhán", last="O'Connor", email="siobhan.oconnor@tcd.ie",
         org="Trinity College Dublin", actor="recherche", format="recherche", axes=[1],
         lang="en", country="Ireland", co="", co_email="",
         title="Online deliberation and the Irish Citizens' Assembly",
         summary="The Irish Citizens' Assembly received 13,000 online submissions on abortion "
         "law. We analysed how members used them during deliberation, drawing on interviews "
         "and the assembly's records.\n\nThe findings question the idea that online input "
         "and face-to-face deliberation naturally complement each other."),
    dict(first="Baptiste", last="Leroy", email="baptiste.leroy@ville-saint-denis.fr",
         org="Ville de Saint-Denis", actor="public", format="retour_experience", axes=[1, 2],
         lang="fr", country="France", co="", co_email="",
         title="Réunions publiques hybrides : un an d'essais",
         summary="Depuis janvier 2018, toutes les réunions publiques de quartier sont retransmises "
         "en direct, avec questions en ligne. Nous présenterons les audiences, le profil des "
         "participants à distance et le matériel nécessaire, pour un budget de 15 000 euros."),
    dict(first="Laure", last="Chevalier", email="laure.chevalier@citenumerique.org",
         org="Think-tank Cité Numérique", actor="recherche", format="recherche", axes=[3],
         lang="fr", country="France", co="", co_email="",
         title="Cartographie de l'écosystème civic tech français",
         summary="Nous avons recensé 230 structures de la civic tech française et les avons "
         "classées selon leur statut, leurs clients et leur modèle économique. La cartographie, "
         "publiée en ligne, montre une forte concentration en Île-de-France et la fragilité "
         "des structures associatives."),
    dict(first="Amandine", last="Renaud", email="amandine@kiosque-citoyen.fr",
         org="Kiosque Citoyen (start-up)", actor="entreprise", format="retour_experience",
         axes=[4], lang="fr", country="France", co="", co_email="",
         title="Budget participatif interne chez un assureur mutualiste",
         summary="En 2018, un assureur mutualiste a confié à ses 3 000 salariés un budget de "
         "500 000 euros pour des projets d'amélioration des conditions de travail. Nous "
         "présenterons le déroulé, les projets retenus et l'évaluation faite six mois après."),
    dict(first="Romain", last="Gauthier", email="romain.gauthier@anct.gouv.fr",
         org="Agence nationale de la cohésion des territoires", actor="public", format="pitch",
         axes=[1], lang="fr", country="France", co="", co_email="",
         title="Un catalogue commun des outils de participation pour l'État",
         summary="Les services de l'État achètent chacun leurs outils de participation. Nous "
         "proposons un catalogue partagé, avec des clauses types et des retours d'usage, ouvert "
         "aux collectivités."),
    dict(first="Clémence", last="Aubert", email="clemence@transparence-locale.org",
         org="Collectif Transparence Locale", actor="association", format="centrifugeuse",
         axes=[], lang="fr", country="France", co="", co_email="",
         title="Ouvrir les délibérations municipales en données",
         summary="Notre collectif veut publier, pour chaque commune de plus de 10 000 habitants, "
         "les délibérations du conseil municipal dans un format réutilisable. Nous cherchons des "
         "avis sur la collecte (à la main ou automatique ?) et sur les partenariats possibles "
         "avec les archives départementales."),
    dict(first="Marie Hélène", last="Dupont", email="marie-helene.dupont@univ-lille.fr",
         org="Université de Lille – CERAPS", actor="recherche", format="recherche", axes=[2, 4],
         lang="fr", country="France", co="", co_email="",
         title="Les syndicats face aux plateformes de pétition",
         summary="Comment les syndicats réagissent-ils quand des salariés lancent une pétition en "
         "ligne sans eux ? Cette recherche en cours repose sur douze études de cas dans le "
         "secteur privé et la fonction publique. Nous présenterons les premières hypothèses."),
    dict(first="Étienne", last="Lemoine", email="etienne.lemoine@gmail.com",
         org="Consultant indépendant", actor="autre", format="centrifugeuse", axes=[],
         lang="fr", country="France", co="", co_email="",
         title="Un jeu de cartes pour concevoir une concertation numérique",
         summary="Je conçois un jeu de cartes destiné aux agents des collectivités, pour les aider "
         "à choisir les bons outils selon leurs objectifs et leur public. Je viendrai avec un "
         "prototype imprimé et j'attends des critiques franches."),
    dict(first="Pauline", last="Brunet", email="pauline.brunet@umrpacte.fr",
         org="CNRS – laboratoire PACTE", actor="recherche", format="recherche", axes=[1, 4],
         lang="fr", country="France", co="Arnaud Simon", co_email="arnaud.simon@umrpacte.fr",
         title="Évaluer l'impact d'une consultation : une grille d'analyse",
         summary="Nous proposons une grille d'évaluation en quatre dimensions (inclusion, qualité "
         "des échanges, influence sur la décision, effets sur les participants), testée sur "
         "six consultations locales.\nLa grille est libre de droits et nous souhaitons la "
         "confronter à d'autres terrains."),
    dict(first="Samuel", last="Koné", email="samuel.kone@numerique-solidaire.org",
         org="Association Numérique Solidaire", actor="association",
         format="retour_experience", axes=[2], lang="fr", country="France", co="", co_email="",
         title="Médiation numérique et participation des publics éloignés",
         summary="Dans nos 14 espaces publics numériques, nous accompagnons des personnes peu à "
         "l'aise avec internet à participer aux consultations locales. Nous présenterons ce que "
         "nous avons appris en deux ans : temps nécessaire, freins, et ce que les plateformes "
         "pourraient améliorer."),
    dict(first="Amélie", last="Besson", email="amelie.besson@debatpublic.fr",
         org="Commission nationale du débat public", actor="public", format="retour_experience",
         axes=[1], lang="fr", country="France", co="", co_email="",
         title="Un débat public en ligne sur l'éolien en mer",
         summary="Le débat public sur le projet d'éoliennes en mer au large de Dunkerque s'est "
         "déroulé en partie en ligne. Nous présenterons la part des contributions numériques, "
         "leur contenu comparé aux réunions physiques, et la manière dont le maître d'ouvrage y "
         "a répondu."),
    dict(first="Hugo", last="Lefort", email="hugo.lefort@mairie-lille.fr",
         org="Ville de Lille", actor="public", format="centrifugeuse", axes=[],
         lang="fr", country="France", co="", co_email="",
         title="Une appli de signalement qui répond vraiment aux habitants",
         summary="Notre application de signalement reçoit 2 000 messages par mois, mais les "
         "habitants se plaignent de ne jamais savoir ce qui en est fait. Nous concevons une "
         "nouvelle version qui rend compte du traitement de chaque signalement, et voulons "
         "tester nos idées auprès d'autres villes."),
]

# A few more speakers answer only the English-language forms.
EXTRA_EN = [
    dict(first="Tomás", last="Villanueva", email="tvillanueva@participa.cl",
         org="Fundación Participa", actor="association", format="pitch", axes=[2],
         lang="en", country="Chile", co="", co_email="",
         title="An open toolkit for constitutional consultations",
         summary="We have built a toolkit of open methods and software for citizen consultations "
         "on constitutional reform. We are looking for partners to translate and test it in "
         "Europe."),
    dict(first="Emma", last="Lindqvist", email="emma.lindqvist@digg.se",
         org="Swedish Agency for Digital Government", actor="public", format="retour_experience",
         axes=[1], lang="en", country="Sweden", co="", co_email="",
         title="National e-petitions in Sweden: the first year",
         summary="Sweden opened a national e-petition service in 2018. We will present how "
         "petitions are answered, how many reached the threshold and how civil servants "
         "organised themselves to respond within the promised delay."),
]

# Registrations: people and organisations.
REG_FIRST = ["Élodie", "Zoë", "Loïc", "Camille", "Thomas", "Léa", "Nicolas", "Aurélie",
             "Mehdi", "Sophie", "Jérôme", "Manon", "Antoine", "Céline", "Rémi", "Fatou",
             "Grégoire", "Inès", "Mathilde", "Hervé", "Solène", "Bastien", "Gaëlle", "Kevin",
             "Marion", "Cédric", "Lucie", "Yasmine", "Pierre-Yves", "Anaïs", "Joël", "Ophélie",
             "Frédéric", "Émilie", "Nathan", "Agathe", "Raphaël", "Clara", "Dominique", "Sébastien"]
REG_LAST = ["Ørsted", "Lefebvre", "Morin", "Gauthier", "Bonnet", "Lemaire", "Dufour", "Mercier",
            "Blanchard", "Garnier", "Faure", "Rolland", "Chevallier", "Benoît", "Perrot", "Diallo",
            "Brun", "Fabre", "Roussel", "Hamon", "Caron", "Masson", "Picard", "Marchal", "Lacroix",
            "Traoré", "Giraud", "Boyer", "Guérin", "Muller", "Hoarau", "Besnard", "Lebrun",
            "Vidal", "Poirier", "Aubry", "Colin", "Arnaud", "Joly", "Schneider"]
REG_ORGS = [
    ("Ville de Nantes", "public"), ("Mairie de Montreuil", "public"),
    ("Ministère de l'Intérieur", "public"), ("Conseil régional d'Occitanie", "public"),
    ("Communauté d'agglomération du Grand Angoulême", "public"), ("Préfecture du Rhône", "public"),
    ("Département de Loire-Atlantique", "public"), ("CESE", "public"),
    ("Civiq SAS", "entreprise"), ("Débat Express SAS (start-up)", "entreprise"),
    ("Cabinet Conseil & Territoires SARL", "entreprise"), ("La Poste – direction de l'innovation", "entreprise"),
    ("Qualipart start-up", "entreprise"), ("Association Démocratie Vivante", "association"),
    ("Collectif Citoyens du 18e", "association"), ("Association des usagers du numérique", "association"),
    ("Fédération régionale des MJC", "association"), ("Les Ateliers Citoyens (association)", "association"),
    ("Université de Bordeaux", "recherche"), ("Sciences Po Grenoble", "recherche"),
    ("Fondation pour l'innovation politique (think-tank)", "recherche"), ("INRIA", "recherche"),
    ("Université Paris-Nanterre – ISP", "recherche"), ("EHESS", "recherche"),
    ("", "autre"), ("Indépendante", "autre"),
]


# ---------------------------------------------------------------------------------------------
# Small helpers

class Col:
    """One column: its header (in the labels row), what it is, and how a record fills it.

    group: text in the row above the labels row (Framaforms puts the question there, over the
    first of its option columns). option: a checkbox option column (one per option)."""

    def __init__(self, header, field, value, option=False, group=None):
        self.header, self.field, self.value, self.option, self.group = (
            header, field, value, option, group)

    def spec(self):
        d = {"header": self.header, "field": self.field}
        if self.option:
            d["option"] = True
        return d


def blank(_a):
    return ""


def const(v):
    return lambda _a: v


def get(key):
    return lambda a: a[key]


def mapped(key, table):
    return lambda a: table[a[key]]


def ascii_fold(s):
    s = s.replace("Ø", "O").replace("ø", "o").replace("œ", "oe").replace("Œ", "OE")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def stamps(rng, start, n, min_gap=7, max_gap=600):
    """n increasing datetimes from start, whole seconds."""
    out, t = [], start
    for _ in range(n):
        t = t + dt.timedelta(minutes=rng.randint(min_gap, max_gap), seconds=rng.randint(0, 59))
        out.append(t)
    return out


def pick(rng, pool, n, exclude=()):
    cands = [r for r in pool if r["email"] not in exclude]
    return rng.sample(cands, n)


def prep(records, rng, start, **kw):
    """Copies of the records with per-file facts: a timestamp, a phone number."""
    out = []
    for i, (r, t) in enumerate(zip(records, stamps(rng, start, len(records), **kw))):
        a = dict(r)
        a["ts"] = t
        a["i"] = i
        a["phone"] = phone_for(r, rng)
        out.append(a)
    return out


def phone_for(r, rng):
    prefixes = {"Spain": "+34 6", "Taiwan": "+886 9", "United Kingdom": "+44 7",
                "Colombia": "+57 3", "Kenya": "+254 7", "Denmark": "+45 2", "Ireland": "+353 8",
                "Chile": "+56 9", "Sweden": "+46 7"}
    if r.get("country", "France") in prefixes:
        return prefixes[r["country"]] + "%d %03d %04d" % (rng.randint(0, 9), rng.randint(0, 999),
                                                           rng.randint(0, 9999))
    return "0%d %02d %02d %02d %02d" % (rng.choice([1, 4, 6, 7]), rng.randint(10, 99),
                                         rng.randint(0, 99), rng.randint(0, 99), rng.randint(0, 99))


def with_person(recs, k, email):
    """Makes sure the contribution of email is among recs (at position k if it was not)."""
    if not any(r["email"] == email for r in recs):
        recs[k] = next(r for r in CONTRIBUTIONS if r["email"] == email)


def blank_language(recs, k):
    """The first French-language answer from position k on leaves the language question blank."""
    next(a for a in recs[k:] if a["lang"] == "fr")["lang_blank"] = True


def split_full(full):
    """The brief's rule: first name = everything before the last space, last name = the last word."""
    full = full.strip()
    if " " not in full:
        return "", full
    first, last = full.rsplit(" ", 1)
    return first, last


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S")


# ---------------------------------------------------------------------------------------------
# The expected reading of one row

def expect_submission(a, cols):
    fields = {c.field for c in cols}
    e = {
        "title": a["title"], "summary": a["summary"],
        "first_name": a["first"], "last_name": a["last"],
        "email": a["email"], "organisation": a["org"],
        "format": a.get("format_seen", a["format"]),
        "axes": sorted(a["axes"]),
        "actor_type": a["actor"], "language": a["lang"],
    }
    if "full_name" in fields:
        e["first_name"], e["last_name"] = split_full(a["first"] + " " + a["last"])
    add_extras(e, a, fields)
    return e


def expect_registration(a, cols):
    fields = {c.field for c in cols}
    e = {"first_name": a["first"], "last_name": a.get("last_seen", a["last"]),
         "email": a["email"], "organisation": a["org"], "actor_type": a["actor"],
         "wishes": a.get("wishes_text", "") if "wishes" in fields else "",
         "accessibility": a.get("access", "") if "accessibility" in fields else ""}
    add_extras(e, a, fields)
    return e


def add_extras(e, a, fields):
    if "external_id" in fields:
        e["external_id"] = str(a["xid"])
    if "submitted_at" in fields:
        e["submitted_at"] = iso(a["ts"])
    if "phone" in fields:
        e["phone"] = a.get("phone_seen", a["phone"])
    if "country" in fields:
        e["country"] = a["country"]
    if "co_speakers" in fields:
        e["co_speakers"] = a["co"]


# ---------------------------------------------------------------------------------------------
# A corpus file

class CorpusFile:
    def __init__(self, name, kind, cols, records, header_row=1, pre_rows=(), blank_after=None,
                 how=None):
        self.name, self.kind, self.cols, self.records = name, kind, cols, records
        self.header_row = header_row
        self.pre_rows = list(pre_rows)      # rows above the labels row (title, groups)
        self.blank_after = blank_after      # index of the record after which a blank row sits
        self.how = how                      # (writer, options)
        self.sources = []                   # re-saved copies: (name, lo format)

    def grid(self):
        """The sheet as a list of rows (first row = spreadsheet row 1)."""
        rows = [list(r) for r in self.pre_rows]
        rows.append([c.header for c in self.cols])
        for a in self.records:
            rows.append([c.value(a) for c in self.cols])
            if self.blank_after is not None and a["i"] == self.blank_after:
                rows.append([""] * len(self.cols))
        return rows

    def expectation(self, name=None):
        exp = expect_submission if self.kind == "submissions" else expect_registration
        return {
            "file": name or self.name,
            "kind": self.kind,
            "header_row": self.header_row,
            "columns": [c.spec() for c in self.cols],
            "rows": [exp(a, self.cols) for a in self.records],
        }


def write_csv(path, rows, encoding="utf-8", delimiter=",", lineterminator="\r\n",
              quoting=csv.QUOTE_MINIMAL, bom=False):
    buf = io.StringIO(newline="")
    w = csv.writer(buf, delimiter=delimiter, lineterminator=lineterminator, quoting=quoting)
    for r in rows:
        w.writerow(["" if v is None else v for v in r])
    text = buf.getvalue()
    if encoding == "utf-16-le":
        data = b"\xff\xfe" + text.encode("utf-16-le")
    else:
        data = (b"\xef\xbb\xbf" if bom else b"") + text.encode(encoding)   # strict: fails loudly
    Path(path).write_bytes(data)


def framaforms_pre_rows(title, cols):
    """Drupal Webform's two rows above the labels: the form's title, then 'Détails de la
    soumission' over the metadata and each multi-column question over its first option."""
    row1 = [title] + [""] * (len(cols) - 1)
    row2 = ["Détails de la soumission"] + [""] * (len(cols) - 1)
    for j, c in enumerate(cols):
        if c.group:
            row2[j] = c.group
    return [row1, row2]


# ---------------------------------------------------------------------------------------------
# The files

FORMAT_FR_CALL = {"recherche": "Présentation de recherche", "retour_experience": "Retour d'expériences",
                  "pitch": "Pitch/ Appel", "centrifugeuse": "Centrifugeuses"}


def lang_label(fr, en):
    return lambda a: "" if a.get("lang_blank") else (fr if a["lang"] == "fr" else en)


def google_forms_fr():
    rng = random.Random(2020)
    recs = pick(rng, CONTRIBUTIONS, 16)
    with_person(recs, 10, "julien.barbier@laposte.net")      # no structure: the optional cell is empty
    recs = prep(recs, rng, dt.datetime(2019, 12, 2, 8, 0))
    blank_language(recs, 5)
    axes = {1: "1. Govtech : retour sur un usage politique des technologies numériques",
            2: "2. Technologies citoyennes : quand la technologie sert la cause",
            3: "3. Écosystème : les civic tech, un marché comme un autre ?",
            4: "4. Démocratie en entreprise et en organisation"}
    actor = {"public": "Un acteur public ou institutionnel", "entreprise": "Une entreprise ou une start-up",
             "association": "Une association ou un collectif", "recherche": "Une université ou un think-tank",
             "autre": "Autre"}
    fmt = {"recherche": "Présentation de recherche (20 min)", "retour_experience": "Retour d'expériences (15 min)",
           "pitch": "Pitch / Appel (5 min)",
           "centrifugeuse": "Centrifugeuse (15 min de présentation + 5 min de réactions)"}
    cols = [
        Col("Horodateur", "submitted_at", lambda a: a["ts"].strftime("%d/%m/%Y %H:%M:%S")),
        Col("Adresse e-mail", "email", get("email")),
        Col("Votre prénom", "first_name", get("first")),
        Col("Votre nom", "last_name", get("last")),
        Col("Indiquez votre structure (facultatif)", "organisation", get("org")),
        Col("Vous représentez :", "actor_type", mapped("actor", actor)),
        Col("Quel format souhaitez-vous proposer ?", "format", mapped("format", fmt)),
        Col("Dans quel(s) axe(s) s'inscrit votre proposition ?", "axes",
            lambda a: ", ".join(axes[x] for x in a["axes"])),
        Col("Quel est le titre de votre proposition ?", "title", get("title")),
        Col("Présentez votre proposition en quelques lignes (objectifs, méthode, résultats attendus)",
            "summary", get("summary")),
        Col("Dans quelle langue interviendrez-vous ?", "language", lang_label("Français", "Anglais")),
        Col("J'accepte que mes données personnelles soient utilisées par Décider ensemble pour "
            "l'organisation de la journée", None, const("Oui")),
    ]
    f = CorpusFile("google-forms-2020.csv", "submissions", cols, recs)
    f.how = (write_csv, dict(lineterminator="\r\n"))
    f.varies = ("Google Forms, French: whole questions as headers, e-mail collected in column 2, "
                "axes joined with ', ' and one axis label itself contains ', ', optional structure "
                "left empty, a blank language answer")
    return f


def google_forms_en():
    rng = random.Random(2021)
    en = [r for r in CONTRIBUTIONS if r["lang"] == "en"] + EXTRA_EN
    fr = [r for r in CONTRIBUTIONS if r["email"] in ("k.benali@delibera.fr", "h.vasseur@horizons-publics.org")]
    recs = en + fr
    rng.shuffle(recs)
    recs = prep(recs, rng, dt.datetime(2019, 12, 3, 9, 0))
    actor = {"public": "Public body / local government", "entreprise": "Company or start-up",
             "association": "NGO, association or grassroots group",
             "recherche": "University, research centre or think tank", "autre": "Other"}
    fmt = {"recherche": "Research presentation (20 min)",
           "retour_experience": "Experience sharing / case study (15 min)",
           "pitch": "Pitch / call to action (5 min)",
           "centrifugeuse": '"Centrifuge" project clinic (15 min + 5 min feedback)'}
    axes = {1: "Govtech", 2: "Civic technologies", 3: "Civic tech ecosystem",
            4: "Democracy in companies and organisations"}

    def stamp(a):
        t = a["ts"]
        return "%s %d:%s GMT+1" % (t.strftime("%Y/%m/%d"), (t.hour % 12) or 12,
                                   t.strftime("%M:%S %p"))
    cols = [
        Col("Timestamp", "submitted_at", stamp),
        Col("Email address", "email", get("email")),
        Col("First name", "first_name", get("first")),
        Col("Last name / Surname", "last_name", get("last")),
        Col("Organisation (optional)", "organisation", get("org")),
        Col("Which kind of organisation do you represent?", "actor_type", mapped("actor", actor)),
        Col("Proposed format", "format", mapped("format", fmt)),
        Col("Which axis or axes does your proposal relate to?", "axes",
            lambda a: ", ".join(axes[x] for x in a["axes"])),
        Col("Title of your proposal", "title", get("title")),
        Col("Describe your proposal (what, for whom, results so far)", "summary", get("summary")),
        Col("Country", "country", get("country")),
        Col("Session language", "language", lang_label("French", "English")),
        Col("I consent to my personal data being processed for the purposes of the event", None,
            const("I agree")),
    ]
    f = CorpusFile("google-forms-2020-en.csv", "submissions", cols, recs)
    f.how = (write_csv, dict(lineterminator="\n"))
    f.varies = ("Google Forms, English version of the form: 'Timestamp' in US 12-hour format with "
                "GMT+1, 'Email address', 'Last name / Surname', a country column, language "
                "answered 'English'/'French', a format label with quotes")
    f.sources = [("google-forms-2020-en-resaved.xlsx", "xlsx")]
    return f


def microsoft_forms():
    rng = random.Random(2022)
    recs = pick(rng, CONTRIBUTIONS, 12, exclude=("loic.legall@bretagne.bzh",))
    recs = prep(recs, rng, dt.datetime(2020, 11, 16, 9, 30))
    for k, a in enumerate(recs):
        a["xid"] = k + 1
        a["end"] = a["ts"] + dt.timedelta(minutes=rng.randint(3, 25), seconds=rng.randint(0, 59))
        # The answer is submitted when the form is completed: "Heure de fin".
        a["start"], a["ts"] = a["ts"], a["end"]
    actor = {"public": "Collectivité, administration ou institution publique",
             "entreprise": "Entreprise / start-up", "association": "Association / collectif citoyen",
             "recherche": "Recherche / think-tank", "autre": "Autre"}
    fmt = {"recherche": "Recherche", "retour_experience": "Retour d'expérience", "pitch": "Pitch",
           "centrifugeuse": "Centrifugeuse"}
    axes = {1: "Axe 1 : Govtech", 2: "Axe 2 : Technologies citoyennes", 3: "Axe 3 : Écosystème",
            4: "Axe 4 : Démocratie en entreprise"}
    cols = [
        Col("ID", "external_id", get("xid")),
        Col("Heure de début", None, get("start")),
        Col("Heure de fin", "submitted_at", get("ts")),
        Col("Adresse de messagerie", "email", get("email")),
        Col("Nom", "full_name", lambda a: a["first"] + " " + a["last"]),
        Col("Heure de la dernière modification", None,
            lambda a: a["end"] + dt.timedelta(days=2, minutes=13) if a["i"] == 4 else None),
        Col("Titre de votre intervention", "title", get("title")),
        Col("Résumé (10 lignes maximum)", "summary", get("summary")),
        Col("Nom de votre organisme", "organisation", get("org")),
        Col("Quel type d'acteur êtes-vous ?", "actor_type", mapped("actor", actor)),
        Col("Format d'intervention souhaité", "format", mapped("format", fmt)),
        Col("Axe(s) concerné(s)", "axes",
            lambda a: "".join(axes[x] + ";" for x in a["axes"]) or None),
        Col("Langue de présentation", "language", lang_label("Français", "English")),
        Col("Numéro de téléphone", "phone", get("phone")),
    ]
    f = CorpusFile("microsoft-forms-2021.xlsx", "submissions", cols, recs)
    f.how = (write_msforms, {})
    f.varies = ("Microsoft Forms (openpyxl): ID, Heure de début/de fin as real dates, Adresse de "
                "messagerie, 'Nom' = display name (full name), 'Heure de la dernière modification', "
                "multi-choice answers joined with ';' and a trailing ';', a phone column")
    return f


def new_workbook(creator, created):
    import openpyxl
    wb = openpyxl.Workbook()
    wb.properties.creator = creator
    wb.properties.created = created
    return wb


def write_msforms(path, f):
    from openpyxl.styles import Font
    wb = new_workbook("Microsoft Forms", dt.datetime(2021, 1, 26, 8, 3))
    ws = wb.active
    ws.title = "Sheet1"
    for row in f.grid():
        ws.append([None if v == "" else v for v in row])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for col in ("B", "C", "F"):
        for cell in ws[col][1:]:
            cell.number_format = "m/d/yy h:mm:ss"
    wb.save(path)


def framaforms_2019():
    rng = random.Random(2019)
    recs = pick(rng, CONTRIBUTIONS, 22)
    recs = prep(recs, rng, dt.datetime(2018, 12, 19, 10, 0), max_gap=2400)
    sid = 1833
    for k, a in enumerate(recs):
        sid += rng.randint(1, 9)
        a["xid"], a["serial"] = sid, k + 1
        a["ip"] = "%d.%d.%d.%d" % (rng.choice([78, 82, 86, 90, 92, 176, 193]), rng.randint(0, 255),
                                   rng.randint(0, 255), rng.randint(1, 254))
    fr_blank = [a for a in recs if a["lang"] == "fr"][3]
    fr_blank["lang_blank"] = True

    def lang(a):
        if a.get("lang_blank"):
            return ""
        if a["lang"] == "fr":
            return "Français"
        return "English" if a["i"] % 2 else "Anglais"
    actor = {"public": "Acteur public ou institutionnel", "entreprise": "Entreprise ou start-up",
             "association": "Association ou collectif", "recherche": "Université ou think-tank",
             "autre": "Autre"}
    axis_labels = ["Axe 1 - Govtech", "Axe 2 - Technologies citoyennes", "Axe 3 - Écosystème",
                   "Axe 4 - Démocratie en entreprise et en organisation"]
    cols = [
        Col("Numéro de série", None, get("serial")),
        Col("SID", "external_id", get("xid")),
        Col("Heure de soumission", "submitted_at", lambda a: a["ts"].strftime("%d/%m/%Y - %H:%M")),
        Col("Brouillon", None, const("0")),
        Col("Adresse IP", None, get("ip")),
        Col("UID", None, const("0")),
        Col("Nom d'utilisateur", None, blank),
        Col("Prénom", "first_name", get("first")),
        Col("Nom", "last_name", get("last")),
        Col("Adresse électronique", "email", get("email")),
        Col("Téléphone", "phone", get("phone")),
        Col("Organisation / structure", "organisation", get("org")),
        Col("Type de structure", "actor_type", mapped("actor", actor)),
        Col("Format de la contribution", "format", mapped("format", FORMAT_FR_CALL)),
    ]
    for n, label in enumerate(axis_labels, 1):
        cols.append(Col(label, "axes", (lambda n: lambda a: "X" if n in a["axes"] else "")(n),
                        option=True,
                        group="Dans quel(s) axe(s) s'inscrit votre contribution ?" if n == 1 else None))
    cols += [
        Col("Titre de la contribution", "title", get("title")),
        Col("Résumé de votre contribution (1500 caractères maximum)", "summary", get("summary")),
        Col("Co-intervenant·e·s éventuel·le·s", "co_speakers", get("co")),
        Col("Langue de l'intervention", "language", lang),
        Col("Consentement RGPD", None, const("J'accepte")),
    ]
    # Seconds are lost in the Drupal date: the expectation keeps minutes only.
    for a in recs:
        a["ts"] = a["ts"].replace(second=0)
    pre = framaforms_pre_rows("Journée de la civic tech et de l'engagement citoyen - Appel à contributions",
                              cols)
    f = CorpusFile("framaforms-2019.csv", "submissions", cols, recs, header_row=3, pre_rows=pre)
    f.how = (write_csv, dict(lineterminator="\n"))
    f.varies = ("Framaforms (Drupal Webform) CSV: title row, 'Détails de la soumission' row, labels "
                "in row 3; Serial/SID/IP/UID/'Nom d'utilisateur' metadata; axes as four 'X' option "
                "columns; abstract header with a length hint; language 'Français'/'Anglais'/"
                "'English' and one blank; co-speakers; consent 'J'accepte' for everybody")
    f.sources = [("framaforms-2019-resaved.xlsx", "xlsx"), ("framaforms-2019-resaved.ods", "ods"),
                 ("framaforms-2019-resaved.xls", "xls:MS Excel 97")]
    return f


def framaforms_2022():
    rng = random.Random(2022_01)
    recs = pick(rng, CONTRIBUTIONS, 14)
    recs = prep(recs, rng, dt.datetime(2021, 12, 6, 9, 0), max_gap=2400)
    sid = 40211
    for k, a in enumerate(recs):
        sid += rng.randint(1, 30)
        a["xid"], a["serial"] = sid, k + 1
        a["ts"] = a["ts"].replace(second=0)
    blank_language(recs, 2)
    # one research contribution that ticked no axis
    for a in recs:
        if a["format"] == "recherche":
            a["axes"] = []
            break
    actor = {"public": "Institution / collectivité", "entreprise": "Entreprise", "association": "Association",
             "recherche": "Recherche / think tank", "autre": "Autre"}
    cols = [
        Col("Numéro de série", None, get("serial")),
        Col("SID", "external_id", get("xid")),
        Col("Heure", "submitted_at", lambda a: a["ts"].strftime("%d/%m/%Y - %H:%M")),
        Col("Brouillon", None, const("0")),
        Col("Adresse IP", None, lambda a: "2a01:cb08:%x:%x::1" % (a["xid"] % 4096, a["serial"] * 17)),
        Col("UID", None, const("0")),
        Col("Nom d'utilisateur", None, blank),
        Col("Prénom de la personne référente", "first_name", get("first")),
        Col("Nom de famille de la personne référente", "last_name", get("last")),
        Col("Courriel de contact", "email", get("email")),
        Col("Nom de votre organisation", "organisation", get("org")),
        Col("Catégorie", "actor_type", mapped("actor", actor)),
    ]
    fmts = [("recherche", "Recherche"), ("retour_experience", "Retour d'expérience"),
            ("pitch", "Pitch / appel à action"), ("centrifugeuse", "Centrifugeuse (projet en conception)")]
    for k, (code, label) in enumerate(fmts):
        cols.append(Col(label, "format", (lambda code: lambda a: "X" if a["format"] == code else "")(code),
                        option=True, group="Format proposé" if k == 0 else None))
    for n, label in enumerate(["Govtech", "Technologies citoyennes", "Écosystème civic tech",
                               "Démocratie en entreprise / organisation"], 1):
        cols.append(Col(label, "axes", (lambda n: lambda a: "X" if n in a["axes"] else "")(n),
                        option=True, group="Axe(s)" if n == 1 else None))
    cols += [
        Col("Intitulé", "title", get("title")),
        Col("Description de votre proposition (2000 signes max.)", "summary", get("summary")),
        Col("Langue", "language", lang_label("Français", "English")),
        Col("Votre site web", None, lambda a: "https://www." + a["email"].split("@")[1] + "/"
            if a["i"] % 3 == 0 else ""),
        Col("Acceptez-vous que vos données soient conservées jusqu'à la fin de l'événement ?", None,
            const("Oui")),
    ]
    pre = framaforms_pre_rows("Journée civic tech 2022 – propositions d'intervention", cols)
    f = CorpusFile("framaforms-2022-excel.xls", "submissions", cols, recs, header_row=3, pre_rows=pre)
    f.how = (write_csv, dict(encoding="utf-16-le", delimiter="\t", lineterminator="\n",
                             quoting=csv.QUOTE_ALL))
    f.varies = ("Framaforms 'Microsoft Excel' download: a UTF-16LE tab-separated text file named .xls, "
                "every value quoted; the format question too is exported as 'X' option columns; a "
                "research proposal with no axis ticked; IPv6 addresses; a website column; consent 'Oui'")
    return f


def hand_list():
    rng = random.Random(1901)
    excl = ("loic.legall@bretagne.bzh", "yannick.morel@oxalis.coop", "agnes.roy@centres-sociaux-nord.org")
    recs = pick(rng, CONTRIBUTIONS, 15, exclude=excl)
    with_person(recs, 12, "julien.barbier@laposte.net")      # no organisation: actor type 'autre'
    recs = prep(recs, rng, dt.datetime(2019, 1, 2, 9, 0))
    fmt = {"recherche": "recherche", "retour_experience": "REX", "pitch": "pitch", "centrifugeuse": "centri"}
    recs[9]["format_seen"] = "inconnu"
    recs[3]["email_space"] = True
    comments = {1: "relancé le 22/01", 4: "à voir avec Armel", 8: "déjà venue en 2018", 12: "??"}

    def pitch(a):
        return "?" if a.get("format_seen") == "inconnu" else fmt[a["format"]]

    def themes(a):
        ax = a["axes"]
        if not ax:
            return ""
        if len(ax) == 1:
            return ax[0] if a["i"] % 2 == 0 else "axe %d" % ax[0]
        return ("+" if a["i"] % 2 else ", ").join(str(x) for x in ax)

    def lang(a):
        if a["lang"] == "en":
            return "EN"
        return "FR" if a["i"] % 4 == 1 else ""
    cols = [
        Col("Nom Prénom", "full_name", lambda a: a["first"] + " " + a["last"]),
        Col("Mail", "email", lambda a: a["email"] + (" " if a.get("email_space") else "")),
        Col("Orga", "organisation", get("org")),
        Col("Sujet", "title", get("title")),
        Col("Pitch ?", "format", pitch),
        Col("Thème(s)", "axes", themes),
        Col("Quelques lignes", "summary", get("summary")),
        Col("FR/EN", "language", lang),
        Col("Commentaire", None, lambda a: comments.get(a["i"], "")),
    ]
    pre = [["Propositions reçues – état au 28/01/2019"] + [""] * (len(cols) - 1), [""] * len(cols)]
    f = CorpusFile("liste-propositions-main.xlsx", "submissions", cols, recs, header_row=3,
                   pre_rows=pre, blank_after=6)
    f.how = (write_hand_list, {})
    f.varies = ("list kept by hand in Excel (openpyxl): a title line and a blank line above the headers "
                "(row 3), short odd headers ('Nom Prénom', 'Mail', 'Orga', 'Sujet', 'Pitch ?', "
                "'Thème(s)', 'FR/EN'), format shorthands (REX, centri, '?'), axes as a number cell, "
                "'axe 2', '1+4', '1, 3'; no actor-type column (told from the organisation); a blank "
                "row in the middle; an e-mail with a trailing space; a comment column")
    return f


def write_hand_list(path, f):
    from openpyxl.styles import Alignment, Font, PatternFill
    wb = new_workbook("Armel Pouliquen", dt.datetime(2019, 1, 3, 14, 20))
    ws = wb.active
    ws.title = "Propositions"
    for row in f.grid():
        ws.append([None if v == "" else v for v in row])
    ws["A1"].font = Font(bold=True, size=14)
    for cell in ws[f.header_row]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="FFF2CC")
    for letter, width in zip("ABCDEFGHI", (24, 34, 30, 50, 9, 9, 80, 7, 20)):
        ws.column_dimensions[letter].width = width
    for cell in ws["G"][f.header_row:]:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A4"
    wb.save(path)


def excel_semicolon():
    rng = random.Random(2103)
    pool = [r for r in CONTRIBUTIONS if can_cp1252(r)]
    recs = pick(rng, pool, 18)
    recs = prep(recs, rng, dt.datetime(2020, 12, 1, 8, 30), max_gap=1500)
    for a in recs:
        a["ts"] = a["ts"].replace(second=0)   # Excel shows (and saves) minutes only
    actor = {"public": "Acteur public", "entreprise": "Entreprise / start-up",
             "association": "Association / collectif", "recherche": "Universitaire / think-tank",
             "autre": "Autre"}
    fmt = {"recherche": "Présentation de recherche", "retour_experience": "Retour d’expériences",
           "pitch": "Pitch/Appel", "centrifugeuse": "Centrifugeuse"}
    axes = {1: "Axe 1 (Govtech)", 2: "Axe 2 (Technologies citoyennes)", 3: "Axe 3 (Écosystème)",
            4: "Axe 4 (Démocratie en entreprise et en organisation)"}
    cols = [
        Col("Horodateur", "submitted_at", lambda a: a["ts"].strftime("%d/%m/%Y %H:%M")),
        Col("Nom d'utilisateur", "email", get("email")),
        Col("Prénom de l'intervenant·e", "first_name", get("first")),
        Col("Nom de famille", "last_name", get("last")),
        Col("Structure / organisme", "organisation", get("org")),
        Col("Type d'acteur", "actor_type", mapped("actor", actor)),
        Col("Format de l'intervention", "format", mapped("format", fmt)),
        Col("Axe(s) de la contribution", "axes", lambda a: ", ".join(axes[x] for x in a["axes"])),
        Col("Titre", "title", get("title")),
        Col("Résumé de la proposition", "summary", get("summary")),
        Col("Langue de la présentation", "language", lang_label("Français", "Anglais")),
        Col("Commentaire libre", None, lambda a: "Merci pour l’organisation !" if a["i"] == 3 else
            ("Disponible uniquement l’après-midi" if a["i"] == 11 else "")),
    ]
    f = CorpusFile("export-excel-2021.csv", "submissions", cols, recs)
    f.how = (write_csv, dict(encoding="cp1252", delimiter=";", lineterminator="\r\n"))
    f.varies = ("Google Forms answers opened and saved by a French Excel: Windows-1252, ';' separator, "
                "CRLF, dates without seconds; the e-mail column is the old Google 'Nom d'utilisateur'; "
                "curly apostrophes in answers; a free comment column")
    return f


def can_cp1252(r):
    try:
        for v in r.values():
            if isinstance(v, str):
                v.encode("cp1252")
        return True
    except UnicodeEncodeError:
        return False


def typeform():
    rng = random.Random(2104)
    en = [r for r in CONTRIBUTIONS if r["lang"] == "en"] + EXTRA_EN
    fr = [r for r in CONTRIBUTIONS if r["email"] == "laure.chevalier@citenumerique.org"]
    recs = en + fr
    rng.shuffle(recs)
    recs = prep(recs, rng, dt.datetime(2020, 12, 14, 7, 0), max_gap=3000)
    for a in recs:
        a["xid"] = "%032x" % rng.getrandbits(128)
        a["start"] = a["ts"] - dt.timedelta(minutes=rng.randint(4, 40), seconds=rng.randint(0, 59))
    actor = {"public": "A public body", "entreprise": "A company or start-up",
             "association": "An NGO or grassroots group", "recherche": "A university or think tank",
             "autre": "Other"}
    fmt = {"recherche": "Research talk (20 min)", "retour_experience": "Case study / lessons learned (15 min)",
           "pitch": "Lightning pitch (5 min)",
           "centrifugeuse": 'Project clinic – "Centrifugeuse" (15 + 5 min)'}
    cols = [
        Col("#", "external_id", get("xid")),
        Col("What is your talk's title?", "title", get("title")),
        Col("Abstract (max 300 words)", "summary", get("summary")),
        Col("Your first name", "first_name", get("first")),
        Col("Your last name", "last_name", get("last")),
        Col("Your e-mail", "email", get("email")),
        Col("Organisation / affiliation", "organisation", get("org")),
        Col("Are you representing…", "actor_type", mapped("actor", actor)),
        Col("Which format fits your talk best?", "format", mapped("format", fmt)),
    ]
    for n, label in enumerate(["Govtech", "Civic tech for a cause", "The civic tech ecosystem",
                               "Democracy at work"], 1):
        cols.append(Col(label, "axes", (lambda n, label: lambda a: label if n in a["axes"] else "")(n, label),
                        option=True))
    cols += [
        Col("Which language will you speak in?", "language", lang_label("French", "English")),
        Col("Where are you based?", "country", get("country")),
        Col("Start Date (UTC)", None, lambda a: a["start"].strftime("%Y-%m-%d %H:%M:%S")),
        Col("Submit Date (UTC)", "submitted_at", lambda a: a["ts"].strftime("%Y-%m-%d %H:%M:%S")),
        Col("Network ID", None, lambda a: a["xid"][8:18]),
    ]
    f = CorpusFile("typeform-international-2021.csv", "submissions", cols, recs)
    f.how = (write_csv, dict(lineterminator="\n"))
    f.varies = ("Typeform-like export of an English-only form for international speakers: '#' token id, "
                "'What is your talk's title?', 'Your e-mail', 'Abstract (max 300 words)', 'Which "
                "language will you speak in?'; one column per axis whose cell repeats the option label "
                "(no 'X', no group row); Start Date vs Submit Date (UTC); Network ID")
    return f


def limesurvey():
    rng = random.Random(2205)
    with_co = [r for r in CONTRIBUTIONS if r["co"]]
    others = [r for r in CONTRIBUTIONS if not r["co"]]
    recs = with_co + rng.sample(others, 12 - len(with_co))
    rng.shuffle(recs)
    recs = prep(recs, rng, dt.datetime(2022, 1, 3, 9, 0), max_gap=2000)
    rid = 2
    for a in recs:
        rid += rng.randint(1, 4)       # incomplete answers were left out of the export
        a["xid"] = rid
        a["start"] = a["ts"] - dt.timedelta(minutes=rng.randint(5, 50), seconds=rng.randint(0, 59))
        a["seed"] = str(rng.randint(10 ** 8, 10 ** 10))
    actor = {"public": "Un acteur public", "entreprise": "Une entreprise",
             "association": "Une association ou un collectif",
             "recherche": "Un laboratoire de recherche ou un think-tank", "autre": "Autre"}
    fmt = {"recherche": "Communication scientifique", "retour_experience": "Retour d'expérience de terrain",
           "pitch": "Pitch (5 minutes)", "centrifugeuse": "Centrifugeuse : projet à co-construire"}
    heard = ["Par la lettre d'information de Décider ensemble", "Twitter", "Un collègue",
             "LinkedIn", "", "Le site du CESE"]
    ymd = "%Y-%m-%d %H:%M:%S"
    cols = [
        Col("ID de la réponse", "external_id", get("xid")),
        Col("Date de soumission", "submitted_at", lambda a: a["ts"].strftime(ymd)),
        Col("Dernière page", None, const("4")),
        Col("Langue de départ", None, const("fr")),
        Col("Tête de série", None, get("seed")),
        Col("Date de lancement", None, lambda a: a["start"].strftime(ymd)),
        Col("Date de la dernière action", None, lambda a: a["ts"].strftime(ymd)),
        Col("Prénom (contact principal)", "first_name", get("first")),
        Col("Nom (contact principal)", "last_name", get("last")),
        Col("Courriel", "email", get("email")),
        Col("Structure", "organisation", get("org")),
        Col("Vous êtes...", "actor_type", mapped("actor", actor)),
        Col("Format", "format", mapped("format", fmt)),
    ]
    for n, label in enumerate(["Govtech", "Technologies citoyennes", "Écosystème",
                               "Démocratie en entreprise"], 1):
        cols.append(Col("Axes thématiques [%s]" % label, "axes",
                        (lambda n: lambda a: "Oui" if n in a["axes"] else "")(n), option=True))
    cols += [
        Col("Titre de l'intervention", "title", get("title")),
        Col("Résumé", "summary", get("summary")),
        Col("En quelle langue ?", "language", lang_label("Français", "Anglais")),
        Col("Site web de votre structure", None,
            lambda a: "https://" + a["email"].split("@")[1] if a["org"] and a["i"] % 2 == 0 else ""),
        Col("Comment avez-vous connu l'événement ?", None, lambda a: heard[a["i"] % len(heard)]),
        Col("Nom du ou de la co-intervenant·e", "co_speakers", get("co")),
        Col("Email d'un co-intervenant", None, get("co_email")),
        Col("Un commentaire ?", None, lambda a: "Nous pouvons aussi animer une table de centrifugeuse."
            if a["i"] == 5 else ""),
    ]
    f = CorpusFile("limesurvey-2022.csv", "submissions", cols, recs)
    f.how = (write_csv, dict(lineterminator="\n", quoting=csv.QUOTE_ALL))
    f.varies = ("LimeSurvey-like export (every value quoted): response id, submit/start/last-action "
                "dates, 'Langue de départ' (the survey's language, not the talk's), seed; axes as "
                "'Question [option]' columns holding 'Oui'; extra questions nobody needs (website, "
                "'Comment avez-vous connu l'événement ?', comment) and a co-speaker's e-mail that is "
                "not the contact's")
    return f


def google_sheets_2023():
    rng = random.Random(2306)
    recs = pick(rng, CONTRIBUTIONS, 13, exclude=("loic.legall@bretagne.bzh",))
    if not any(r["first"] == "Marie Hélène" for r in recs):
        recs[-1] = next(r for r in CONTRIBUTIONS if r["first"] == "Marie Hélène")
    recs = prep(recs, rng, dt.datetime(2022, 11, 21, 10, 0), max_gap=1800)
    recs[7]["format_seen"] = "inconnu"
    for a in recs:
        if a["i"] in (2, 9):
            a["phone_seen"] = ""
    actor = {"public": "Administration / collectivité", "entreprise": "Entreprise",
             "association": "Association, collectif", "recherche": "Université, recherche, think-tank",
             "autre": "Autre"}
    fmt = {"recherche": "Présentation de recherche", "retour_experience": "Retour d'expérience",
           "pitch": "Pitch", "centrifugeuse": "Centrifugeuse"}
    cols = [
        Col("Horodateur", "submitted_at", get("ts")),
        Col("Adresse e-mail", "email", get("email")),
        Col("Prénom et nom", "full_name", lambda a: a["first"] + " " + a["last"]),
        Col("Pays", "country", get("country")),
        Col("Organisme", "organisation", get("org")),
        Col("Catégorie d'organisme", "actor_type", mapped("actor", actor)),
        Col("Type de contribution", "format",
            lambda a: "Je ne sais pas encore" if a.get("format_seen") == "inconnu" else fmt[a["format"]]),
        Col("Axe(s) thématique(s)", "axes", lambda a: ", ".join("Axe %d" % x for x in a["axes"])),
        Col("Titre (court)", "title", get("title")),
        Col("Votre proposition en détail", "summary", get("summary")),
        Col("Langue", "language", lang_label("Français", "Anglais")),
        Col("Numéro de téléphone (facultatif)", "phone", lambda a: a.get("phone_seen", a["phone"])),
    ]
    f = CorpusFile("reponses-formulaire-2023.xlsx", "submissions", cols, recs)
    f.how = (write_gsheets, {})
    f.varies = ("Google Sheets download of a form's answers (openpyxl): sheet 'Réponses au formulaire 1', "
                "real date cells, 'Prénom et nom' in one column (incl. a two-word first name), a "
                "country column, 'Je ne sais pas encore' as format, axes 'Axe 1, Axe 3', optional "
                "phone left empty")
    return f


def write_gsheets(path, f):
    wb = new_workbook("", dt.datetime(2023, 1, 30, 9, 0))
    ws = wb.active
    ws.title = "Réponses au formulaire 1"
    for row in f.grid():
        ws.append([None if v == "" else v for v in row])
    for cell in ws["A"][1:]:
        cell.number_format = "dd/mm/yyyy hh:mm:ss"
    wb.save(path)


def airtable():
    rng = random.Random(2407)
    recs = pick(rng, CONTRIBUTIONS, 11, exclude=("loic.legall@bretagne.bzh",))
    recs = prep(recs, rng, dt.datetime(2024, 1, 8, 9, 0), max_gap=2000)
    for a in recs:
        a["ts"] = a["ts"].replace(second=0)
    actor = {"public": "Acteur public", "entreprise": "Entreprise", "association": "Association",
             "recherche": "Recherche", "autre": "Autre"}
    fmt = {"recherche": "Recherche", "retour_experience": "Retour d'XP", "pitch": "Pitch/Appel",
           "centrifugeuse": "Centrifugeuse"}
    axes = {1: "Govtech", 2: "Technologies citoyennes", 3: "Écosystème", 4: "Démocratie en entreprise"}
    status = ["À relire", "Retenue", "À relire", "Refusée", "Retenue", ""]
    cols = [
        Col("Proposition", "title", get("title")),
        Col("Porteur·se du projet", "full_name", lambda a: a["first"] + " " + a["last"]),
        Col("Courriel", "email", get("email")),
        Col("Structure porteuse", "organisation", get("org")),
        Col("Catégorie d'acteur", "actor_type", mapped("actor", actor)),
        Col("Type d'intervention", "format", mapped("format", fmt)),
        Col("Axes", "axes", lambda a: ",".join(axes[x] for x in a["axes"])),
        Col("Descriptif", "summary", get("summary")),
        Col("Langue parlée", "language", lambda a: a["lang"].upper()),
        Col("Statut", None, lambda a: status[a["i"] % len(status)]),
        Col("Créé le", "submitted_at", lambda a: a["ts"].strftime("%Y-%m-%d %H:%M")),
    ]
    f = CorpusFile("airtable-propositions-2024.csv", "submissions", cols, recs)
    f.how = (write_csv, dict(bom=True, lineterminator="\r\n"))
    f.varies = ("Airtable-like grid export, UTF-8 with a BOM: the title is the first column "
                "('Proposition'), the speaker in one column ('Porteur·se du projet'), axes joined "
                "with ',' and no space, language 'FR'/'EN', an internal review status, 'Créé le'")
    return f


# ----- registrations -----

def reg_people(rng, n):
    firsts = rng.sample(REG_FIRST, n)
    lasts = rng.sample(REG_LAST, n)
    people = []
    domains = {}
    for k in range(n):
        org, actor = rng.choice(REG_ORGS)
        f, l = firsts[k], lasts[k]
        if org and org not in domains:
            base = ascii_fold(org.split("(")[0].split("–")[0]).lower()
            words = [w for w in base.replace("'", " ").split() if w not in
                     ("de", "du", "des", "la", "le", "l", "d", "et", "&", "sas", "sarl")]
            domains[org] = "-".join(words[:3]) + (".gouv.fr" if actor == "public" and "Minist" in org
                                                  else ".fr")
        dom = domains.get(org) or rng.choice(["gmail.com", "laposte.net", "free.fr", "orange.fr"])
        email = "%s.%s@%s" % (ascii_fold(f).lower().replace(" ", "-"), ascii_fold(l).lower(), dom)
        people.append(dict(first=f, last=l, email=email, org=org, actor=actor))
    return people


def reg_google():
    rng = random.Random(3019)
    people = reg_people(rng, 30)
    recs = prep(people, rng, dt.datetime(2019, 2, 11, 9, 0), max_gap=900)
    sessions = ["Plénière d'ouverture", "Tables rondes", "Centrifugeuses", "Mini-formations",
                "Ateliers de retours d'expérience", "Soirée au Liberté Living Lab"]
    needs = {2: "Je me déplace en fauteuil roulant", 7: "Végétarien",
             13: "Malentendante : boucle magnétique si possible", 21: "Sans gluten",
             26: "Besoin d'une place assise près de la sortie (béquilles)"}
    for a in recs:
        chosen = [s for s in sessions if rng.random() < 0.45] or [sessions[0]]
        a["wishes_text"] = ", ".join(chosen)
        a["access"] = needs.get(a["i"], "")
    actor = {"public": "Acteur public / institutionnel", "entreprise": "Entreprise / start-up",
             "association": "Association / collectif", "recherche": "Université / think-tank",
             "autre": "Citoyen·ne / autre"}
    heard = ["Réseaux sociaux", "Bouche-à-oreille", "Lettre d'information", "Site du CESE"]
    cols = [
        Col("Horodateur", "submitted_at", lambda a: a["ts"].strftime("%d/%m/%Y %H:%M:%S")),
        Col("Adresse e-mail", "email", get("email")),
        Col("Prénom du / de la participant·e", "first_name", get("first")),
        Col("Nom du / de la participant·e", "last_name", get("last")),
        Col("Structure", "organisation", get("org")),
        Col("Type de structure", "actor_type", mapped("actor", actor)),
        Col("À quelles sessions souhaitez-vous participer ?", "wishes", get("wishes_text")),
        Col("Avez-vous des besoins particuliers (accessibilité, régime alimentaire…) ?", "accessibility",
            get("access")),
        Col("Comment avez-vous connu la journée ?", None, lambda a: heard[a["i"] % 4]),
        Col("J'accepte de recevoir la lettre d'information de Décider ensemble", None,
            lambda a: "Oui" if a["i"] % 3 else ""),
    ]
    f = CorpusFile("inscriptions-google-forms-2019.csv", "registrations", cols, recs)
    f.how = (write_csv, dict(lineterminator="\r\n"))
    f.varies = ("registrations through Google Forms: session wishes joined with ', ' in one cell, "
                "needs mixing accessibility and diet, 'Citoyen·ne / autre' actor type with an empty "
                "structure, a how-did-you-hear question and a newsletter opt-in")
    return f


def reg_hand():
    rng = random.Random(3020)
    people = reg_people(rng, 20)
    recs = prep(people, rng, dt.datetime(2019, 2, 20, 9, 0))
    cat = {"public": ["Collectivité", "Etat", "Institution"], "entreprise": ["Entreprise"],
           "association": ["Asso"], "recherche": ["Recherche"], "autre": [""]}
    opts = ["Plénière", "Centri", "Formation", "Ateliers", "Soirée"]
    needs = {3: "PMR", 11: "fauteuil – prévoir accès ascenseur", 16: "malvoyant, accompagné"}
    for a in recs:
        a["cat"] = rng.choice(cat[a["actor"]])
        a["ticks"] = [o for o in opts if rng.random() < 0.5]
        a["mark"] = rng.choice(["x", "X", "x", "oui"])
        a["wishes_text"] = ", ".join(a["ticks"])
        a["access"] = needs.get(a["i"], "")
        a["last_seen"] = a["last"].upper()
    cols = [
        Col("NOM", "last_name", lambda a: a["last"].upper()),
        Col("Prénom usuel", "first_name", get("first")),
        Col("Structure", "organisation", get("org")),
        Col("Catégorie", "actor_type", get("cat")),
        Col("e-mail", "email", get("email")),
    ]
    for k, o in enumerate(opts):
        cols.append(Col(o, "wishes", (lambda o: lambda a: a["mark"] if o in a["ticks"] else "")(o),
                        option=True, group="Sessions souhaitées (mettre une croix)" if k == 0 else None))
    cols += [
        Col("PMR / besoins", "accessibility", get("access")),
        Col("Badge imprimé", None, lambda a: "ok" if a["i"] < 12 else ""),
    ]
    pre = [[c.group or "" for c in cols]]
    f = CorpusFile("liste-inscrits-main.xlsx", "registrations", cols, recs, header_row=2, pre_rows=pre)
    f.how = (write_reg_hand, {})
    f.varies = ("registrations kept by hand (openpyxl): surnames in capitals, short categories "
                "('Asso', 'Etat', blank), session wishes as option columns under a merged group cell in "
                "row 1 marked 'x', 'X' or 'oui', headers in row 2, a 'Badge imprimé' column")
    f.sources = [("liste-inscrits-main-resaved.ods", "ods")]
    return f


def write_reg_hand(path, f):
    from openpyxl.styles import Alignment, Font
    wb = new_workbook("Accueil Décider ensemble", dt.datetime(2019, 2, 20, 17, 45))
    ws = wb.active
    ws.title = "Inscrits"
    for row in f.grid():
        ws.append([None if v == "" else v for v in row])
    first_opt = next(j for j, c in enumerate(f.cols) if c.option) + 1
    last_opt = max(j for j, c in enumerate(f.cols) if c.option) + 1
    ws.merge_cells(start_row=1, start_column=first_opt, end_row=1, end_column=last_opt)
    ws.cell(1, first_opt).alignment = Alignment(horizontal="center")
    for r in (1, 2):
        for cell in ws[r]:
            cell.font = Font(bold=True)
    wb.save(path)


def reg_weezevent():
    rng = random.Random(3021)
    people = reg_people(rng, 24)
    recs = prep(people, rng, dt.datetime(2019, 2, 4, 10, 0), max_gap=1200)
    sessions = ["Plénière", "Table ronde 1", "Table ronde 3", "Centrifugeuse collectivités",
                "Centrifugeuse start-ups", "Formation démocratie numérique", "Atelier REX"]
    tarifs = ["Participant – gratuit", "Participant – gratuit", "Soirée seule", "Presse"]
    for k, a in enumerate(recs):
        a["ts"] = a["ts"].replace(second=0)
        a["xid"] = "%d" % (48213 + 7 * k + rng.randint(0, 5))
        chosen = [s for s in sessions if rng.random() < 0.35]
        a["wishes_text"] = " | ".join(chosen)
        a["access"] = {5: "Fauteuil roulant", 17: "Interprète LSF"}.get(k, "")
        if k in (3, 4, 12):   # a colleague bought the tickets
            buyer = recs[2] if k != 12 else recs[11]
            a["buyer"] = (buyer["last"], buyer["first"], buyer["email"])
        else:
            a["buyer"] = (a["last"], a["first"], a["email"])
        a["tarif"] = tarifs[rng.randint(0, 3)] if k % 5 else tarifs[0]
    actor = {"public": "Collectivité / administration", "entreprise": "Entreprise",
             "association": "Association", "recherche": "Chercheur·e / think-tank", "autre": "Particulier"}
    cols = [
        Col("Numéro de billet", "external_id", get("xid")),
        Col("Code-barres", None, lambda a: "%012d" % (int(a["xid"]) * 7919)),
        Col("Tarif", None, get("tarif")),
        Col("Date d'achat", "submitted_at", lambda a: a["ts"].strftime("%d/%m/%Y %H:%M")),
        Col("Nom", "last_name", get("last")),
        Col("Prénom", "first_name", get("first")),
        Col("Email", "email", get("email")),
        Col("Société", "organisation", get("org")),
        Col("Vous êtes :", "actor_type", mapped("actor", actor)),
        Col("Sessions qui vous intéressent", "wishes", get("wishes_text")),
        Col("Accessibilité", "accessibility", get("access")),
        Col("Nom acheteur", None, lambda a: a["buyer"][0]),
        Col("Prénom acheteur", None, lambda a: a["buyer"][1]),
        Col("Email acheteur", None, lambda a: a["buyer"][2]),
        Col("Statut", None, const("Validé")),
    ]
    f = CorpusFile("billetterie-weezevent-2019.csv", "registrations", cols, recs)
    f.how = (write_csv, dict(bom=True, delimiter=";", lineterminator="\r\n"))
    f.varies = ("Weezevent-like ticketing export (UTF-8 with BOM, ';'): 'Numéro de billet', "
                "'Code-barres', 'Tarif', 'Date d'achat', participant vs buyer columns (three tickets "
                "bought by a colleague), wishes joined with ' | ', 'Particulier' as actor type")
    return f


def reg_helloasso():
    rng = random.Random(3022)
    people = reg_people(rng, 16)
    recs = prep(people, rng, dt.datetime(2020, 2, 3, 11, 0), max_gap=1500)
    sessions = ["Matinée plénière", "Centrifugeuses", "Mini-formations", "Ateliers", "Soirée"]
    for k, a in enumerate(recs):
        a["xid"] = 10482731 + k * 13 + rng.randint(0, 9)
        a["wishes_text"] = ", ".join(s for s in sessions if rng.random() < 0.4)
        a["access"] = {4: "Je suis sourde, sous-titrage apprécié", 9: "Mobilité réduite"}.get(k, "")
        a["payer"] = (recs[k - 1]["last"], recs[k - 1]["first"]) if k == 8 else (a["last"], a["first"])
    actor = {"public": "Secteur public", "entreprise": "Secteur privé", "association": "Associatif",
             "recherche": "Enseignement supérieur / recherche", "autre": "Autre"}
    cols = [
        Col("Référence commande", "external_id", get("xid")),
        Col("Date de la commande", "submitted_at", get("ts")),
        Col("Statut de la commande", None, const("Validé")),
        Col("Nom participant", "last_name", get("last")),
        Col("Prénom participant", "first_name", get("first")),
        Col("Nom payeur", None, lambda a: a["payer"][0]),
        Col("Prénom payeur", None, lambda a: a["payer"][1]),
        Col("Adresse email", "email", get("email")),
        Col("Tarif", None, const("Entrée libre (sur inscription)")),
        Col("Montant tarif", None, const(0)),
        Col("Code Promo", None, blank),
        Col("Votre structure", "organisation", get("org")),
        Col("Type d'organisation", "actor_type", mapped("actor", actor)),
        Col("Ateliers souhaités", "wishes", get("wishes_text")),
        Col("Besoins spécifiques (mobilité, audition, vue…)", "accessibility", get("access")),
    ]
    f = CorpusFile("helloasso-2020.xlsx", "registrations", cols, recs)
    f.how = (write_helloasso, {})
    f.varies = ("HelloAsso-like xlsx (openpyxl): 'Référence commande' as a number, order date cell, "
                "participant vs payer names, amount 0, custom questions ('Votre structure', "
                "'Type d'organisation', 'Ateliers souhaités', 'Besoins spécifiques (…)')")
    return f


def write_helloasso(path, f):
    wb = new_workbook("HelloAsso", dt.datetime(2020, 3, 2, 7, 30))
    ws = wb.active
    ws.title = "Export"
    for row in f.grid():
        ws.append([None if v == "" else v for v in row])
    for cell in ws["B"][1:]:
        cell.number_format = "dd/mm/yyyy hh:mm"
    wb.save(path)


BUILDERS = [google_forms_fr, google_forms_en, microsoft_forms, framaforms_2019, framaforms_2022,
            hand_list, excel_semicolon, typeform, limesurvey, google_sheets_2023, airtable,
            reg_google, reg_hand, reg_weezevent, reg_helloasso]


# ---------------------------------------------------------------------------------------------
# LibreOffice

def soffice(args, workdir):
    cmd = ["soffice", "-env:UserInstallation=" + LO_PROFILE, "--headless", "--norestore"] + args
    subprocess.run(cmd, check=True, cwd=workdir, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                   timeout=300)


def resave(src, fmt, dest):
    """src re-saved by LibreOffice in fmt ('xlsx', 'ods', 'xls:MS Excel 97') as dest."""
    with tempfile.TemporaryDirectory() as tmp:
        args = []
        if src.suffix == ".csv":
            args.append("--infilter=" + CSV_UTF8_COMMA)
        args += ["--convert-to", fmt, "--outdir", tmp, str(src.resolve())]
        soffice(args, tmp)
        ext = fmt.split(":")[0]
        shutil.move(str(Path(tmp) / (src.stem + "." + ext)), dest)


# ---------------------------------------------------------------------------------------------
# Reading back

def read_back(path, f):
    """The file's rows as lists of strings, the way it now is on disk."""
    if path.name == f.name and f.how[0] is write_csv:
        opts = f.how[1]
        enc = opts.get("encoding", "utf-8")
        raw = path.read_bytes()
        text = raw.decode("utf-16") if enc == "utf-16-le" else raw.decode(
            "utf-8-sig" if enc == "utf-8" else enc)
        return [r for r in csv.reader(io.StringIO(text, newline=""), delimiter=opts.get("delimiter", ","))]
    if path.suffix in (".ods", ".xls"):
        with tempfile.TemporaryDirectory() as tmp:
            soffice(["--convert-to", "xlsx", "--outdir", tmp, str(path.resolve())], tmp)
            return read_xlsx(Path(tmp) / (path.stem + ".xlsx"))
    return read_xlsx(path)


def read_xlsx(path):
    import openpyxl
    wb = openpyxl.load_workbook(path, data_only=True)
    ws = wb.worksheets[0]
    out = []
    for row in ws.iter_rows(values_only=True):
        out.append(["" if v is None else str(v) for v in row])
    return out


def check(path, f, exp):
    rows = read_back(path, f)
    width = max(len(r) for r in rows)
    while width and all(len(r) < width or r[width - 1] == "" for r in rows):
        width -= 1
    problems = []
    if width != len(exp["columns"]):
        problems.append("%d columns in the file, %d expected" % (width, len(exp["columns"])))
    header = rows[exp["header_row"] - 1][:width]
    header += [""] * (width - len(header))
    want = [c["header"] for c in exp["columns"]]
    if header != want:
        problems.append("header row differs: %r" % [(a, b) for a, b in zip(header, want) if a != b])
    data = [r for r in rows[exp["header_row"]:] if any(v.strip() for v in r)]
    if len(data) != len(exp["rows"]):
        problems.append("%d data rows, %d expected" % (len(data), len(exp["rows"])))
    key, field = ("title", "title") if exp["kind"] == "submissions" else ("email", "email")
    j = next(k for k, c in enumerate(exp["columns"]) if c["field"] == field)
    for r, e in zip(data, exp["rows"]):
        if r[j].strip() != e[key]:
            problems.append("row %r: %r" % (e[key], r[j]))
            break
    return problems


# ---------------------------------------------------------------------------------------------

def main(argv):
    args = list(argv)
    expected_dir, do_check = None, True
    if "--expected" in args:
        k = args.index("--expected")
        expected_dir = Path(args[k + 1])
        del args[k:k + 2]
    if "--no-check" in args:
        args.remove("--no-check")
        do_check = False
    if len(args) != 1:
        sys.exit(__doc__)
    out = Path(args[0])
    out.mkdir(parents=True, exist_ok=True)

    files = [b() for b in BUILDERS]
    produced = []    # (path, CorpusFile, expectation)
    for f in files:
        path = out / f.name
        writer, opts = f.how
        if writer is write_csv:
            write_csv(path, f.grid(), **opts)
        else:
            writer(path, f)
        produced.append((path, f, f.expectation()))
        for name, fmt in f.sources:
            resave(path, fmt, out / name)
            produced.append((out / name, f, f.expectation(name)))

    if expected_dir:
        expected_dir.mkdir(parents=True, exist_ok=True)
        for path, f, exp in produced:
            (expected_dir / (path.name + ".json")).write_text(
                json.dumps(exp, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    failed = False
    for path, f, exp in produced:
        line = "%-40s %-13s %2d columns %3d rows" % (path.name, exp["kind"], len(exp["columns"]),
                                                    len(exp["rows"]))
        if do_check:
            problems = check(path, f, exp)
            failed |= bool(problems)
            line += "  " + ("ok" if not problems else "; ".join(problems))
        print(line)
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main(sys.argv[1:])
