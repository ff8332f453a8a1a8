package dev.sluice.modelsim;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Random;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The "image generation model": paints gradients and translucent shapes chosen by a random
 * generator seeded from the prompt and size, so the same request always yields the same PNG bytes
 * and different prompts visibly differ. Draws no text, because a container may have no fonts.
 */
final class ImageRenderer {

    private ImageRenderer() {
    }

    static byte[] renderPng(String prompt, int width, int height) {
        BufferedImage image = render(prompt, width, height);
        return encodePng(image);
    }

    static BufferedImage render(String prompt, int width, int height) {
        Random random = new Random(seed(prompt, width, height));
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            float baseHue = random.nextFloat();
            g.setPaint(new GradientPaint(0, 0, color(random, baseHue, 255), width, height,
                    color(random, baseHue + 0.5f, 255)));
            g.fillRect(0, 0, width, height);
            int shapes = 12 + random.nextInt(19);
            for (int i = 0; i < shapes; i++) {
                drawShape(g, random, baseHue, width, height);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void drawShape(Graphics2D g, Random random, float baseHue, int width, int height) {
        float hue = baseHue + (random.nextFloat() - 0.5f) * 0.6f;
        int alpha = 60 + random.nextInt(141);
        float x = random.nextFloat() * width;
        float y = random.nextFloat() * height;
        float w = (0.05f + random.nextFloat() * 0.5f) * width;
        float h = (0.05f + random.nextFloat() * 0.5f) * height;
        if (random.nextBoolean()) {
            g.setPaint(color(random, hue, alpha));
        } else {
            g.setPaint(new GradientPaint(x, y, color(random, hue, alpha), x + w, y + h, color(random, hue + 0.2f, alpha)));
        }
        switch (random.nextInt(4)) {
            case 0 -> g.fill(new Ellipse2D.Float(x - w / 2, y - h / 2, w, h));
            case 1 -> g.fill(new RoundRectangle2D.Float(x - w / 2, y - h / 2, w, h, w / 4, h / 4));
            case 2 -> {
                Polygon polygon = new Polygon();
                int corners = 3 + random.nextInt(4);
                for (int c = 0; c < corners; c++) {
                    polygon.addPoint(Math.round(x + (random.nextFloat() - 0.5f) * w),
                            Math.round(y + (random.nextFloat() - 0.5f) * h));
                }
                g.fill(polygon);
            }
            default -> {
                g.setStroke(new BasicStroke(1 + random.nextFloat() * Math.max(2, Math.min(width, height) / 40f),
                        BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.drawLine(Math.round(x), Math.round(y), Math.round(x + (random.nextFloat() - 0.5f) * 2 * w),
                        Math.round(y + (random.nextFloat() - 0.5f) * 2 * h));
            }
        }
    }

    private static Color color(Random random, float hue, int alpha) {
        float saturation = 0.35f + random.nextFloat() * 0.6f;
        float brightness = 0.35f + random.nextFloat() * 0.6f;
        int rgb = Color.HSBtoRGB(hue - (float) Math.floor(hue), saturation, brightness);
        return new Color((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff, alpha);
    }

    static long seed(String prompt, int width, int height) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] hash = sha.digest((prompt + "|" + width + "x" + height).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(hash).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Encodes in memory: ImageIO's default would cache through temporary files. */
    static byte[] encodePng(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
