package io.financehub.sandbox.data;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** The vocabulary of generated data: people, companies and merchants that read like a Brazilian statement. */
public final class BrazilianData {

    private BrazilianData() {
    }

    public static final String[] FIRST_NAMES = { "João", "Maria José", "Antônio", "Luíza", "Conceição", "Sebastião",
        "Inês", "Cláudia", "José", "Fábio", "Lúcia", "André", "Débora", "Márcio", "Vitória", "Caio", "Gustavo",
        "Patrícia", "Rogério", "Tânia" };
    public static final String[] LAST_NAMES = { "Silva", "Souza", "Araújo", "Gonçalves", "Pereira", "Ribeiro",
        "Conceição", "Fernandes", "Lima", "Magalhães", "Brandão", "Simões", "Assunção", "Damião", "Carvalho",
        "Nóbrega", "Guimarães", "Estêvão" };
    public static final String[] EMPLOYERS = { "Construtora Horizonte Ltda", "Tecnologia Açaí S.A.",
        "Hospital São Lucas", "Prefeitura de São José", "Cooperativa Agrícola Paraná", "Logística Rápida Ltda" };
    public static final String[] SUPPLIERS = { "Distribuidora Sertão Ltda", "Gráfica Aurora ME",
        "Transportadora Ipê Ltda", "Atacadão do Comércio S.A.", "Serviços Contábeis Lógica", "Papelaria União" };

    /** A merchant: display name, legal name, category id, MCC. */
    public record MerchantInfo(String name, String businessName, String categoryId, int mcc, String cnae) {
    }

    public static final List<MerchantInfo> MERCHANTS = List.of(
            new MerchantInfo("Supermercado São Jorge", "São Jorge Comércio de Alimentos Ltda", "10000000", 5411,
                    "4711302"),
            new MerchantInfo("Pão de Açúcar", "Companhia Brasileira de Distribuição", "10000000", 5411, "4711301"),
            new MerchantInfo("Posto Ipê", "Auto Posto Ipê Ltda", "19050000", 5541, "4731800"),
            new MerchantInfo("Drogaria Saúde", "Drogaria Saúde e Vida Ltda", "18020000", 5912, "4771701"),
            new MerchantInfo("iFood", "iFood.com Agência de Restaurantes Online S.A.", "11020000", 5814, "8299799"),
            new MerchantInfo("Uber", "Uber do Brasil Tecnologia Ltda", "19010000", 4121, "4929901"),
            new MerchantInfo("Netflix", "Netflix Entretenimento Brasil Ltda", "09020000", 4899, "5911199"),
            new MerchantInfo("Spotify", "Spotify Brasil Serviços de Música Ltda", "09030000", 5815, "5920100"),
            new MerchantInfo("Amazon", "Amazon Serviços de Varejo do Brasil Ltda", "08010000", 5999, "4713004"),
            new MerchantInfo("Magazine Luiza", "Magazine Luiza S.A.", "08020000", 5732, "4753900"),
            new MerchantInfo("Restaurante Sabor Mineiro", "Sabor Mineiro Restaurante Ltda", "11010000", 5812,
                    "5611201"),
            new MerchantInfo("Padaria Estrela", "Panificadora Estrela do Norte Ltda", "11010000", 5462, "1091102"),
            new MerchantInfo("Renner", "Lojas Renner S.A.", "08040000", 5651, "4781400"),
            new MerchantInfo("Livraria Cultura", "Livraria Cultura S.A.", "08060000", 5942, "4761001"),
            new MerchantInfo("Petz", "Pet Center Comércio e Participações S.A.", "08030000", 5995, "4789004"),
            new MerchantInfo("Smart Fit", "Smartfit Escola de Ginástica e Dança S.A.", "07030000", 7997, "9313100"),
            new MerchantInfo("LATAM", "TAM Linhas Aéreas S.A.", "12010000", 4511, "5111100"));

    /** Billers paid with a boleto: name, legal name, category id. */
    public static final List<MerchantInfo> BILLERS = List.of(
            new MerchantInfo("Enel", "Enel Distribuição São Paulo", "17020000", 4900, "3514000"),
            new MerchantInfo("Sabesp", "Companhia de Saneamento Básico do Estado de São Paulo", "17020000", 4900,
                    "3600601"),
            new MerchantInfo("Vivo", "Telefônica Brasil S.A.", "07010000", 4814, "6110801"),
            new MerchantInfo("Condomínio Edifício Jacarandá", "Condomínio Edifício Jacarandá", "17010000", 6513,
                    "8112500"),
            new MerchantInfo("Colégio Santa Inês", "Associação Educacional Santa Inês", "07020000", 8211, "8513900"),
            new MerchantInfo("Porto Seguro", "Porto Seguro Companhia de Seguros Gerais", "20000000", 6300,
                    "6512000"));

    /** Banks: COMPE code, ISPB, name. */
    public static final String[][] BANKS = { { "001", "00000000", "Banco do Brasil" },
        { "237", "60746948", "Bradesco" }, { "341", "60701190", "Itaú Unibanco" }, { "104", "00360305", "Caixa" },
        { "260", "18236120", "Nu Pagamentos" }, { "077", "00416968", "Banco Inter" } };

    /** A valid CPF (check digits computed) from a number. */
    public static String cpf(long n) {
        int[] d = new int[11];
        long v = Math.floorMod(n, 1_000_000_000L);
        for (int i = 8; i >= 0; i--) {
            d[i] = (int) (v % 10);
            v /= 10;
        }
        d[9] = checkDigit(d, 9, 10);
        d[10] = checkDigit(d, 10, 11);
        return digits(d);
    }

    /** A valid CNPJ (check digits computed) from a number; branch 0001. */
    public static String cnpj(long n) {
        int[] d = new int[14];
        long v = Math.floorMod(n, 100_000_000L);
        for (int i = 7; i >= 0; i--) {
            d[i] = (int) (v % 10);
            v /= 10;
        }
        d[8] = 0;
        d[9] = 0;
        d[10] = 0;
        d[11] = 1;
        d[12] = cnpjDigit(d, 12);
        d[13] = cnpjDigit(d, 13);
        return digits(d);
    }

    private static int checkDigit(int[] d, int len, int weightStart) {
        int sum = 0;
        for (int i = 0; i < len; i++) {
            sum += d[i] * (weightStart - i);
        }
        int r = (sum * 10) % 11;
        return r == 10 ? 0 : r;
    }

    private static final int[] CNPJ_WEIGHTS_12 = { 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2 };
    private static final int[] CNPJ_WEIGHTS_13 = { 6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2 };

    private static int cnpjDigit(int[] d, int len) {
        int[] weights = len == 12 ? CNPJ_WEIGHTS_12 : CNPJ_WEIGHTS_13;
        int sum = 0;
        for (int i = 0; i < len; i++) {
            sum += d[i] * weights[i];
        }
        int r = sum % 11;
        return r < 2 ? 0 : 11 - r;
    }

    private static String digits(int[] d) {
        char[] chars = new char[d.length];
        for (int i = 0; i < d.length; i++) {
            chars[i] = (char) ('0' + d[i]);
        }
        return new String(chars);
    }

    /** Statement forms already computed: the generator asks for the same few hundred vocabulary strings. */
    private static final Map<String, String> RAW = new ConcurrentHashMap<>();
    private static final int RAW_CACHE_LIMIT = 4096;
    private static final Pattern MARKS = Pattern.compile("\\p{M}");

    /** Upper case without accents, the way bank statements print descriptions. */
    public static String raw(String s) {
        String raw = RAW.get(s);
        if (raw == null) {
            raw = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("").toUpperCase(Locale.ROOT);
            // Bounded: descriptions changed by executions are one-offs and need not stay.
            if (RAW.size() < RAW_CACHE_LIMIT) {
                RAW.put(s, raw);
            }
        }
        return raw;
    }
}
